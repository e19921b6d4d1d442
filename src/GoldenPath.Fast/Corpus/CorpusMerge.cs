namespace GoldenPath.Fast;

/// <summary>Collects cases from several files and rejects an id that a second file reuses.</summary>
internal sealed class CorpusMerge
{
    private readonly Dictionary<string, CorpusEntry> byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AttackCase> cases = [];

    public IReadOnlyList<AttackCase> Cases => cases;

    public void Add(IEnumerable<CorpusEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (byId.TryGetValue(entry.Case.Id, out var first))
            {
                // A project file silently overriding a platform case would hide a regression, so a clash is an error.
                throw new CorpusException(
                    entry.Source,
                    entry.Line,
                    $"id '{entry.Case.Id}' is already defined in {first.Source}({first.Line})",
                    "rename one of the two cases; ids must be unique across the platform corpus and every project case file");
            }

            byId[entry.Case.Id] = entry;
            cases.Add(entry.Case);
        }
    }
}
