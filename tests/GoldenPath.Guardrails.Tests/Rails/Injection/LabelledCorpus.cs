using System.Text.Json;

namespace GoldenPath.Guardrails.Tests;

/// <summary>
/// The labelled corpus the model is trained on (training/injection/corpus/*.jsonl at the repository root), read
/// independently of the training tool so the tests check the files, not the tool's reading of them.
/// </summary>
internal static class LabelledCorpus
{
    public static string Directory { get; } = FindDirectory();

    public static IReadOnlyList<LabelledText> All { get; } = Read();

    private static LabelledText[] Read()
    {
        var texts = new List<LabelledText>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                string Field(string name) => root.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
                texts.Add(new LabelledText(
                    Field("id"), Field("text"), Field("label"), Field("category"), Field("lang"), Field("family"), Field("split"),
                    $"{Path.GetFileName(file)}({i + 1})"));
            }
        }

        return [.. texts];
    }

    private static string FindDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GoldenPath.slnx")))
            {
                return Path.Combine(directory.FullName, "training", "injection", "corpus");
            }
        }

        throw new InvalidOperationException("The repository root (GoldenPath.slnx) is not above the test output folder.");
    }
}

internal sealed record LabelledText(
    string Id, string Text, string Label, string Category, string Language, string Family, string Split, string Location)
{
    public bool IsAttack => Label == "attack";

    public bool IsHeldOut => Split == "heldout";
}
