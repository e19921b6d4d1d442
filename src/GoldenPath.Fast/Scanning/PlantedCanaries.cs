namespace GoldenPath.Fast;

/// <summary>Fills <c>{{canary:NAME}}</c> in planted documents, creating a fresh canary for any name not configured.</summary>
/// <remarks>
/// The scan plants these documents itself, so it knows every value it planted; a generated canary is watched for
/// like a configured one.
/// </remarks>
internal sealed class PlantedCanaries(IEnumerable<Canary> configured)
{
    private readonly Dictionary<string, Canary> byName = configured
        .GroupBy(canary => canary.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every canary to watch for: the configured ones plus one per placeholder name the cases use.</summary>
    public IReadOnlyList<Canary> Resolve(IEnumerable<AttackCase> cases)
    {
        foreach (var document in cases.SelectMany(attack => attack.Documents))
        {
            foreach (System.Text.RegularExpressions.Match match in CaseLineParser.PlaceholderPattern().Matches(document.Text))
            {
                var name = match.Groups[1].Value.Trim();
                if (!byName.ContainsKey(name))
                {
                    byName[name] = Canary.Create(name);
                }
            }
        }

        return [.. byName.Values];
    }

    public IReadOnlyList<PlantedDocument> Fill(IReadOnlyList<PlantedDocument> documents) =>
        [.. documents.Select(document => document with
        {
            Text = CaseLineParser.PlaceholderPattern().Replace(document.Text, match => byName[match.Groups[1].Value.Trim()].Value),
        })];
}
