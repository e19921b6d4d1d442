namespace GoldenPath.Guardrails.Tests;

public sealed class LabelledCorpusTests
{
    private static readonly string[] s_attackCategories =
    [
        "override", "system-prompt-extraction", "persona-jailbreak", "false-authority", "chat-template", "payload-splitting",
        "exfiltration", "impersonation", "tool-abuse", "obfuscation", "context-overflow",
    ];

    private static readonly string[] s_benignCategories =
        ["benign-trigger-words", "benign-security", "benign-code", "benign-general", "benign-roleplay"];

    [Fact]
    public void Ids_are_unique()
    {
        var duplicates = LabelledCorpus.All.GroupBy(t => t.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Location))}");

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_line_has_a_valid_label_category_split_language_and_family()
    {
        var invalid = LabelledCorpus.All.Where(t =>
                !(t.IsAttack ? s_attackCategories : t.Label == "benign" ? s_benignCategories : []).Contains(t.Category)
                || t.Split is not ("train" or "heldout")
                || string.IsNullOrWhiteSpace(t.Language)
                || string.IsNullOrWhiteSpace(t.Family)
                || string.IsNullOrWhiteSpace(t.Text))
            .Select(t => $"{t.Location}: {t.Label}/{t.Category}/{t.Split}/{t.Language}/{t.Family}");

        Assert.Empty(invalid);
    }

    [Fact]
    public void No_family_is_in_both_splits()
    {
        var mixed = LabelledCorpus.All.GroupBy(t => t.Family).Where(g => g.Select(t => t.Split).Distinct().Count() > 1).Select(g => g.Key);

        Assert.Empty(mixed);
    }

    [Fact]
    public void English_lines_cover_every_category_in_volume()
    {
        var english = LabelledCorpus.All.Where(t => t.Id.StartsWith("en-", StringComparison.Ordinal)).ToList();
        var thin = s_attackCategories
            .Select(c => (Category: c, Count: english.Count(t => t.IsAttack && t.Category == c)))
            .Where(x => x.Count < 40)
            .Select(x => $"{x.Category}: {x.Count}");

        Assert.Empty(thin);
        Assert.True(english.Count(t => t.IsAttack) >= 700, $"{english.Count(t => t.IsAttack)} English attacks");
        Assert.True(english.Count(t => !t.IsAttack) >= 350, $"{english.Count(t => !t.IsAttack)} English benign texts");
    }

    [Fact]
    public void About_a_quarter_of_the_families_are_held_out()
    {
        var families = LabelledCorpus.All.GroupBy(t => t.Family).ToList();
        var heldOut = (double)families.Count(g => g.First().IsHeldOut) / families.Count;

        Assert.InRange(heldOut, 0.15, 0.35);
    }

    [Fact]
    public void No_held_out_text_is_a_near_copy_of_a_train_text()
    {
        var train = LabelledCorpus.All.Where(t => !t.IsHeldOut).Select(t => (t.Location, Grams: Grams(t.Text))).ToList();
        var copies = new List<string>();
        foreach (var heldOut in LabelledCorpus.All.Where(t => t.IsHeldOut))
        {
            var grams = Grams(heldOut.Text);
            foreach (var (location, trainGrams) in train)
            {
                var shared = grams.Count(trainGrams.Contains);
                var similarity = (double)shared / (grams.Count + trainGrams.Count - shared);
                if (similarity >= 0.8)
                {
                    copies.Add($"{heldOut.Location} ~ {location}: {similarity:F2}");
                }
            }
        }

        Assert.Empty(copies);
    }

    private static HashSet<string> Grams(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Length < 5)
        {
            return [lower];
        }

        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 5 <= lower.Length; i++)
        {
            grams.Add(lower.Substring(i, 5));
        }

        return grams;
    }
}
