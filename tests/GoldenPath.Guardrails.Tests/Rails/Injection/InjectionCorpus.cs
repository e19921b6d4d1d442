namespace GoldenPath.Guardrails.Tests;

/// <summary>Reads the labelled example files that sit next to this class.</summary>
internal static class InjectionCorpus
{
    public static IReadOnlyList<string> Attacks { get; } = Read("attacks.txt");

    public static IReadOnlyList<string> Benign { get; } = Read("benign.txt");

    private static string[] Read(string name) =>
    [
        .. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Rails", "Injection", name))
            .Where(line => line.Length > 0 && !line.StartsWith('#')),
    ];
}
