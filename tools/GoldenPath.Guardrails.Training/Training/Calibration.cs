namespace GoldenPath.Guardrails.Training;

/// <summary>
/// Maps a margin to the probability the rail combines with the signatures: sigmoid(Scale * margin + Offset).
/// Fitted on out-of-fold margins of the train split. The offset is the most lenient one that keeps benign false
/// blocks and flags under their budgets, since the noisy-OR with the signatures must not turn two weak cues on a
/// harmless text into a block. The scale decides how far apart the flag and block points sit on the margin axis:
/// a shallow slope spends the flag budget long before the block budget, so each scale of a fixed grid is tried
/// and the one that blocks the most out-of-fold attacks within both budgets wins.
/// </summary>
internal static class Calibration
{
    private const int ScaleSteps = 48;
    private const double MinScale = 0.05;
    private const double MaxScale = 20;
    private const double OffsetMargin = 40;
    private const int OffsetBisections = 48;

    public static (float Scale, float Offset) Fit(IReadOnlyList<OutOfFoldScore> scores, TrainingSettings settings)
    {
        var benign = scores.Where(s => !s.IsAttack).ToList();
        var attacks = scores.Where(s => s.IsAttack).ToList();

        // What the signatures alone already block or flag is not the model's doing; the budgets are for what it adds.
        var maxBlocked = benign.Count(s => s.SignatureScore >= settings.BlockThreshold) + (int)Math.Floor(benign.Count * settings.MaxBenignBlockRate);
        var maxFlagged = benign.Count(s => s.SignatureScore >= settings.FlagThreshold) + (int)Math.Floor(benign.Count * settings.MaxBenignFlagRate);

        // Offsets beyond the largest margin times the scale change nothing, so that bounds the search.
        var largestMargin = scores.Count == 0 ? 0 : scores.Max(s => Math.Abs(s.Margin));
        var best = (Scale: MinScale, Offset: -OffsetMargin, Blocked: -1);
        for (var step = 0; step <= ScaleSteps; step++)
        {
            // Held as floats, like the model file, so the budgets hold for the stored model too.
            var scale = (double)(float)(MinScale * Math.Pow(MaxScale / MinScale, (double)step / ScaleSteps));
            var range = (scale * largestMargin) + OffsetMargin;
            if (MostLenientOffset(benign, scale, range, maxBlocked, maxFlagged, settings) is not { } offset)
            {
                continue;
            }

            var blocked = attacks.Count(s => s.Combined(scale, offset) >= settings.BlockThreshold);

            // Ties keep the shallower slope: the same catch with smoother probabilities.
            if (blocked > best.Blocked)
            {
                best = (scale, offset, blocked);
            }
        }

        return ((float)best.Scale, (float)best.Offset);
    }

    /// <summary>
    /// The highest offset at which benign blocks and flags stay within their limits, or null when even the lowest
    /// offset cannot keep them (the signatures alone would then be over budget). Both counts only grow with the
    /// offset, so bisection finds it; the result is rounded down to a float so the stored model keeps the guarantee.
    /// </summary>
    private static double? MostLenientOffset(List<OutOfFoldScore> benign, double scale, double range, int maxBlocked, int maxFlagged, TrainingSettings settings)
    {
        bool WithinBudget(double offset) =>
            benign.Count(s => s.Combined(scale, offset) >= settings.BlockThreshold) <= maxBlocked &&
            benign.Count(s => s.Combined(scale, offset) >= settings.FlagThreshold) <= maxFlagged;

        var low = -range;
        var high = range;
        if (!WithinBudget(low))
        {
            return null;
        }

        for (var i = 0; i < OffsetBisections; i++)
        {
            var middle = (low + high) / 2;
            if (WithinBudget(middle))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        var rounded = (float)low;
        return rounded > low ? MathF.BitDecrement(rounded) : rounded;
    }
}
