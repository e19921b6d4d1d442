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
        var file = new Option<FileInfo>("--file") { Description = "A JSONL corpus file; defaults to the embedded corpus. With --dir, the platform corpus to merge with." };
        var dir = new Option<DirectoryInfo>("--dir") { Description = "A folder of project case files (*.jsonl, for example fast/cases) merged with the platform corpus." };
        var expand = new Option<bool>("--expand") { Description = "Count the corpus with its mutated variants." };
        var seed = new Option<int>("--seed") { Description = "Seed of the mutations (with --expand).", DefaultValueFactory = _ => MutationOptions.DefaultSeed };
        var command = new Command("list", "Count the cases of a corpus by category, technique and severity.") { file, dir, expand, seed };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)?.FullName;
            var folder = parseResult.GetValue(dir)?.FullName;
            if (!FastCorpusLoader.TryLoad(path, folder, console, out var cases))
            {
                return FastExitCodes.ConfigurationError;
            }

            if (parseResult.GetValue(expand))
            {
                cases = AttackCorpus.Expand(cases, new MutationOptions { Seed = parseResult.GetValue(seed) });
            }

            var output = console.Out;
            output.WriteLine($"corpus: {FastCorpusLoader.Describe(path, folder)}, {cases.Count} cases");
            WriteCounts(output, "by category", cases.GroupBy(c => c.Category));
            WriteCounts(output, "by technique", cases.GroupBy(c => c.Technique));
            WriteCounts(output, "by severity", cases.GroupBy(c => c.Severity.ToString().ToLowerInvariant()));
            if (cases.Any(c => c.Mutator is not null))
            {
                WriteCounts(output, "by mutator", cases.Where(c => c.Mutator is not null).GroupBy(c => c.Mutator!));
            }

            return FastExitCodes.GatePassed;
        });
        return command;
    }

    private static Command CreateValidateCommand(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The JSONL corpus file to validate." };
        var command = new Command("validate", "Check a corpus file; errors name the file, the line and the fix. Exits 0 when valid, 2 when not.") { file };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetRequiredValue(file).FullName;
            if (!FastCorpusLoader.TryLoad(path, null, console, out var cases))
            {
                return FastExitCodes.ConfigurationError;
            }

            console.Out.WriteLine($"valid: {cases.Count} cases in {path}");
            return FastExitCodes.GatePassed;
        });
        return command;
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
