namespace GoldenPath.Guardrails.Training.Tests;

internal static class RepositoryPaths
{
    public static string Corpus { get; } = Path.Combine(Root(), "training", "injection", "corpus");

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GoldenPath.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (GoldenPath.slnx) is not above the test output folder.");
    }
}
