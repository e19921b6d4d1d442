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
        var merged = new CorpusMerge();
        AddEmbedded(merged);
        return merged.Cases;
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

    /// <summary>
    /// Merges a platform corpus with every <c>*.jsonl</c> file in <paramref name="directory"/> (a project's
    /// <c>fast/cases</c> folder), so a project adds cases without a code change.
    /// </summary>
    /// <param name="directory">Folder of project case files, read in ordinal name order.</param>
    /// <param name="platformCorpusPath">The platform corpus file; <see langword="null"/> uses the embedded corpus.</param>
    /// <exception cref="CorpusException">A file is invalid, or an id appears twice; the message names both places.</exception>
    public static IReadOnlyList<AttackCase> LoadDirectory(string directory, string? platformCorpusPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new CorpusException(directory, 1, "the case directory does not exist", "create it (for example fast/cases) or pass an existing folder");
        }

        var merged = new CorpusMerge();
        if (platformCorpusPath is null)
        {
            AddEmbedded(merged);
        }
        else
        {
            AddFile(merged, platformCorpusPath);
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            AddFile(merged, path);
        }

        return merged.Cases;
    }

    /// <summary>
    /// Adds mutated variants of every case: encodings, obfuscations, other languages and wrappers around the same
    /// payload, each reproducible from <see cref="MutationOptions.Seed"/>.
    /// </summary>
    /// <returns>The seed cases followed by their variants, in a stable order.</returns>
    public static IReadOnlyList<AttackCase> Expand(IEnumerable<AttackCase> cases, MutationOptions options)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(options);
        return CorpusExpander.Expand(cases, options);
    }

    public static IReadOnlyList<AttackCase> Parse(TextReader reader, string source) =>
        [.. ParseLines(reader, source).Select(entry => entry.Case)];

    internal static IReadOnlyList<CorpusEntry> ParseLines(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);

        var cases = new List<CorpusEntry>();
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
            cases.Add(new CorpusEntry(attack, source, lineNumber));
        }

        if (cases.Count == 0)
        {
            throw new CorpusException(source, Math.Max(lineNumber, 1), "the corpus has no cases", "add at least one JSON object line");
        }

        return cases;
    }

    private static void AddEmbedded(CorpusMerge merged)
    {
        var assembly = typeof(AttackCorpus).Assembly;
        foreach (var name in EmbeddedCorpusNames(assembly))
        {
            using var reader = OpenResource(assembly, name);
            merged.Add(ParseLines(reader, name[ResourcePrefix.Length..]));
        }
    }

    private static void AddFile(CorpusMerge merged, string path)
    {
        if (!File.Exists(path))
        {
            throw new CorpusException(path, 1, "the corpus file does not exist", "pass the path of an existing .jsonl file");
        }

        using var reader = new StreamReader(path);
        merged.Add(ParseLines(reader, path));
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
