using GoldenPath.Fast;

namespace GoldenPath.Cli.Commands;

/// <summary>Loads the corpus a <c>fast</c> command names: the embedded one, a file, or the embedded one plus a case folder.</summary>
internal static class FastCorpusLoader
{
    /// <summary>Prints a corpus error (file, line, fix) instead of throwing it.</summary>
    public static bool TryLoad(string? file, string? directory, CliConsole console, out IReadOnlyList<AttackCase> cases)
    {
        try
        {
            cases = directory is not null ? AttackCorpus.LoadDirectory(directory, file)
                : file is not null ? AttackCorpus.LoadFile(file)
                : AttackCorpus.LoadEmbedded();
            return true;
        }
        catch (CorpusException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {file ?? directory}: the corpus could not be read ({ex.Message}). Fix: check the path and its permissions");
        }

        cases = [];
        return false;
    }

    public static string Describe(string? file, string? directory) =>
        directory is not null ? $"{file ?? "embedded " + AttackCorpus.EmbeddedVersion} + {directory}"
        : file ?? $"embedded {AttackCorpus.EmbeddedVersion}";
}
