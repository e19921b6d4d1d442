using System.CommandLine;
using GoldenPath.Fast;

namespace GoldenPath.Cli.Commands;

/// <summary><c>goldenpath fast ...</c>: inspect attack corpora and run scans.</summary>
internal static class FastCommands
{
    public static Command Create(CliConsole console) => new("fast", "FAST, the Framework for AI Security Testing: attack corpora, scans, scorecards and a CI gate.")
    {
        CreateCorpusCommand(console),
        FastRunCommand.Create(console),
    };

    private static Command CreateCorpusCommand(CliConsole console) => new("corpus", "Inspect and validate attack corpora.")
    {
        CreateListCommand(console),
        CreateValidateCommand(console),
    };

    private static Command CreateListCommand(CliConsole console)
    {
        var file = new Option<FileInfo>("--file") { Description = "A JSONL corpus file; defaults to the embedded baseline corpus." };
        var command = new Command("list", "Count the cases of a corpus by category, technique and severity.") { file };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)?.FullName;
            if (!TryLoad(path, console, out var cases))
            {
                return ExitCodes.Error;
            }

            var output = console.Out;
            output.WriteLine(path is null ? $"corpus: embedded {AttackCorpus.EmbeddedVersion}, {cases.Count} cases" : $"corpus: {path}, {cases.Count} cases");
            WriteCounts(output, "by category", cases.GroupBy(c => c.Category));
            WriteCounts(output, "by technique", cases.GroupBy(c => c.Technique));
            WriteCounts(output, "by severity", cases.GroupBy(c => c.Severity.ToString().ToLowerInvariant()));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateValidateCommand(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The JSONL corpus file to validate." };
        var command = new Command("validate", "Check a corpus file; errors name the file, the line and the fix.") { file };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetRequiredValue(file).FullName;
            if (!TryLoad(path, console, out var cases))
            {
                return ExitCodes.Error;
            }

            console.Out.WriteLine($"valid: {cases.Count} cases in {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Loads the embedded corpus or a file, printing a corpus error instead of throwing it.</summary>
    internal static bool TryLoad(string? path, CliConsole console, out IReadOnlyList<AttackCase> cases)
    {
        try
        {
            cases = path is null ? AttackCorpus.LoadEmbedded() : AttackCorpus.LoadFile(path);
            return true;
        }
        catch (CorpusException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            cases = [];
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {path}: the corpus file could not be read ({ex.Message}). Fix: check the path and its permissions");
            cases = [];
            return false;
        }
    }

    private static void WriteCounts(TextWriter output, string title, IEnumerable<IGrouping<string, AttackCase>> groups)
    {
        output.WriteLine();
        output.WriteLine($"{title}:");
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group.Key,-32} {group.Count(),5}");
        }
    }
}
