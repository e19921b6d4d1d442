using System.Reflection;

namespace GoldenPath.Fast;

/// <summary>Loads attack cases from JSONL: one case per line, blank lines and <c>#</c> comment lines allowed.</summary>
/// <remarks>
/// Validation is strict (unknown fields, duplicate ids and bad enum values are errors) because a typo in a
/// corpus silently weakens every scan that uses it.
/// </remarks>
public static class AttackCorpus
{
    private const string ResourcePrefix = "GoldenPath.Fast.Corpus.";
    private const string VersionDirective = "# version:";

    private static readonly Lazy<string> s_embeddedVersion = new(ReadEmbeddedVersion);

    /// <summary>Version of the corpus compiled into this package, from the <c># version:</c> line of the baseline file.</summary>
    public static string EmbeddedVersion => s_embeddedVersion.Value;

    public static IReadOnlyList<AttackCase> LoadEmbedded()
    {
        var assembly = typeof(AttackCorpus).Assembly;
        var cases = new List<AttackCase>();
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var name in EmbeddedCorpusNames(assembly))
        {
            using var reader = OpenResource(assembly, name);
            var source = name[ResourcePrefix.Length..];
            foreach (var attack in Parse(reader, source))
            {
                // Each file is checked on its own; ids must also be unique across the files shipped together.
                if (!owners.TryAdd(attack.Id, source))
                {
                    throw new CorpusException(source, 1, $"id '{attack.Id}' is also used in {owners[attack.Id]}", "give every case in the embedded corpus a unique id");
                }

                cases.Add(attack);
            }
        }

        return cases;
    }

    public static IReadOnlyList<AttackCase> LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new CorpusException(path, 1, "the corpus file does not exist", "pass the path of an existing .jsonl file");
        }

        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static IReadOnlyList<AttackCase> Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);

        var cases = new List<AttackCase>();
        var firstLineById = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var attack = CaseLineParser.Parse(trimmed, source, lineNumber);
            if (firstLineById.TryGetValue(attack.Id, out var firstLine))
            {
                throw new CorpusException(source, lineNumber, $"duplicate id '{attack.Id}' (first used on line {firstLine})", "give this case a new, unique id");
            }

            firstLineById[attack.Id] = lineNumber;
            cases.Add(attack);
        }

        if (cases.Count == 0)
        {
            throw new CorpusException(source, Math.Max(lineNumber, 1), "the corpus has no cases", "add at least one JSON object line");
        }

        return cases;
    }

    private static string ReadEmbeddedVersion()
    {
        var assembly = typeof(AttackCorpus).Assembly;
        using var reader = OpenResource(assembly, ResourcePrefix + "baseline.jsonl");
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(VersionDirective, StringComparison.OrdinalIgnoreCase))
            {
                return trimmed[VersionDirective.Length..].Trim();
            }

            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                break;
            }
        }

        throw new InvalidOperationException("The embedded baseline corpus has no '# version:' line before its first case.");
    }

    private static IEnumerable<string> EmbeddedCorpusNames(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".jsonl", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static StreamReader OpenResource(Assembly assembly, string name) =>
        new(assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded corpus resource '{name}' is missing from {assembly.GetName().Name}."));
}
