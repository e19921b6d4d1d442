namespace GoldenPath.Guardrails.Training;

/// <summary>Block rates of the combined score: per attack category, over all attacks, and over benign texts.</summary>
internal sealed record DetectionRates(
    int Attacks,
    int AttacksBlocked,
    int Benign,
    int BenignBlocked,
    int BenignFlagged,
    IReadOnlyList<(string Category, int Count, int Blocked)> ByCategory)
{
    public double AttackBlockRate => Attacks == 0 ? 0 : (double)AttacksBlocked / Attacks;

    public double BenignBlockRate => Benign == 0 ? 0 : (double)BenignBlocked / Benign;

    public double BenignFlagRate => Benign == 0 ? 0 : (double)BenignFlagged / Benign;

    public static DetectionRates Of(IEnumerable<(CorpusEntry Entry, double Combined)> scores, double blockThreshold, double flagThreshold)
    {
        var list = scores.ToList();
        var attacks = list.Where(s => s.Entry.IsAttack).ToList();
        var benign = list.Where(s => !s.Entry.IsAttack).ToList();
        return new DetectionRates(
            attacks.Count,
            attacks.Count(s => s.Combined >= blockThreshold),
            benign.Count,
            benign.Count(s => s.Combined >= blockThreshold),
            benign.Count(s => s.Combined >= flagThreshold),
            [
                .. list.GroupBy(s => s.Entry.Category, StringComparer.Ordinal)
                    .OrderBy(g => g.First().Entry.IsAttack ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (g.Key, g.Count(), g.Count(s => s.Combined >= blockThreshold))),
            ]);
    }

    public void WriteTo(TextWriter writer, string title)
    {
        writer.WriteLine($"{title}: attacks blocked {AttacksBlocked}/{Attacks} ({AttackBlockRate:P1}), benign blocked {BenignBlocked}/{Benign} ({BenignBlockRate:P2}), benign flagged {BenignFlagged}/{Benign} ({BenignFlagRate:P2})");
        foreach (var (category, count, blocked) in ByCategory)
        {
            writer.WriteLine($"  {category,-26} {blocked,4}/{count,-4} blocked ({(double)blocked / count:P1})");
        }
    }
}
