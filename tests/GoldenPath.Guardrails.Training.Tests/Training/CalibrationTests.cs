namespace GoldenPath.Guardrails.Training.Tests;

public sealed class CalibrationTests
{
    private static readonly TrainingSettings s_settings = new();

    [Fact]
    public void Stays_within_both_benign_budgets()
    {
        var scores = Scores(benign: Enumerable.Range(0, 1000).Select(i => i / 50.0), attacks: Enumerable.Range(0, 100).Select(i => 15 + (i / 10.0)));

        var (scale, offset) = Calibration.Fit(scores, s_settings);

        var benign = scores.Where(s => !s.IsAttack).ToList();
        Assert.InRange(benign.Count(s => s.Combined(scale, offset) >= s_settings.BlockThreshold), 0, 5);
        Assert.InRange(benign.Count(s => s.Combined(scale, offset) >= s_settings.FlagThreshold), 0, 10);
    }

    [Fact]
    public void Picks_the_slope_that_spends_the_block_budget_rather_than_the_flag_budget()
    {
        // The block budget (0.5 %) allows the five highest benign margins (19.90 to 19.98), so every attack from
        // 19.91 up can be blocked. The flag budget (1 %) then leaves only 0.12 of margin between "flag" and
        // "block", which only a steep slope fits: a shallow one would have to move the block point far higher.
        var benign = Enumerable.Range(0, 1000).Select(i => i / 50.0);
        var attacks = Enumerable.Range(0, 110).Select(i => 19.91 + (i / 100.0));
        var scores = Scores(benign, attacks);

        var (scale, offset) = Calibration.Fit(scores, s_settings);

        Assert.All(scores.Where(s => s.IsAttack), s => Assert.True(s.Combined(scale, offset) >= s_settings.BlockThreshold, $"attack at margin {s.Margin} not blocked"));
        Assert.True(scale > 8, $"scale {scale}");
    }

    [Fact]
    public void Benign_texts_the_signatures_already_block_do_not_use_up_the_budget()
    {
        // Ten benign texts blocked by a signature alone: the model still gets its own five, and needs all five
        // (down to 19.90) to block the attack at 19.89.
        var benign = Enumerable.Range(0, 1000).Select(i => i / 50.0).ToList();
        var scores = Scores(benign, attacks: Enumerable.Range(0, 100).Select(i => 19.89 + (i / 100.0)), signatureBlocked: 10);

        var (scale, offset) = Calibration.Fit(scores, s_settings);

        var blocked = scores.Where(s => !s.IsAttack).Count(s => s.Combined(scale, offset) >= s_settings.BlockThreshold);
        Assert.Equal(15, blocked);
    }

    private static List<OutOfFoldScore> Scores(IEnumerable<double> benign, IEnumerable<double> attacks, int signatureBlocked = 0)
    {
        var scores = new List<OutOfFoldScore>();
        foreach (var (margin, i) in benign.Select((m, i) => (m, i)))
        {
            // Signature hits go to the lowest-margin texts, so they overlap nothing the model would block anyway.
            scores.Add(new OutOfFoldScore(Entry($"b{i}", isAttack: false), margin, i < signatureBlocked ? 0.9 : 0));
        }

        foreach (var (margin, i) in attacks.Select((m, i) => (m, i)))
        {
            scores.Add(new OutOfFoldScore(Entry($"a{i}", isAttack: true), margin, 0));
        }

        return scores;
    }

    private static CorpusEntry Entry(string id, bool isAttack) =>
        new(id, id, isAttack, isAttack ? "override" : "benign-general", "en", id, IsHeldOut: false, "test.jsonl", 1);
}
