namespace GoldenPath.Guardrails.Training;

/// <summary>
/// Maps a margin to the probability the rail combines with the signatures: sigmoid(Scale * margin + Offset).
/// Fitted on out-of-fold margins of the train split in two steps: Platt scaling, so the probability means what it
/// says, then a shift to the smallest offset that keeps benign false blocks and flags under their budgets, since the
/// noisy-OR with the signatures must not turn two weak cues on a harmless text into a block.
/// </summary>
internal static class Calibration
{
    private const double ShiftStep = 0.05;
    private const int MaxShiftSteps = 400;

    public static (float Scale, float Offset) Fit(IReadOnlyList<OutOfFoldScore> scores, TrainingSettings settings)
    {
        var benign = scores.Where(s => !s.IsAttack).ToList();

        // What the signatures alone already block or flag is not the model's doing; the budgets are for what it adds.
        var blockedBySignatures = benign.Count(s => s.SignatureScore >= settings.BlockThreshold);
        var flaggedBySignatures = benign.Count(s => s.SignatureScore >= settings.FlagThreshold);
        var (scale, offset) = Platt(scores);
        var shifted = offset;
        for (var step = 0; step <= MaxShiftSteps; step++)
        {
            shifted = offset - (step * ShiftStep);
            var blocked = benign.Count(s => s.Combined(scale, shifted) >= settings.BlockThreshold) - blockedBySignatures;
            var flagged = benign.Count(s => s.Combined(scale, shifted) >= settings.FlagThreshold) - flaggedBySignatures;
            if (blocked <= benign.Count * settings.MaxBenignBlockRate && flagged <= benign.Count * settings.MaxBenignFlagRate)
            {
                break;
            }
        }

        return ((float)scale, (float)shifted);
    }

    /// <summary>Logistic regression of the label on the margin (two parameters), by Newton's method from a fixed start.</summary>
    private static (double Scale, double Offset) Platt(IReadOnlyList<OutOfFoldScore> scores)
    {
        double a = 1, b = 0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            foreach (var score in scores)
            {
                var p = 1 / (1 + Math.Exp(-((a * score.Margin) + b)));
                var error = p - (score.IsAttack ? 1 : 0);
                var curvature = Math.Max(p * (1 - p), 1e-12);
                ga += error * score.Margin;
                gb += error;
                haa += curvature * score.Margin * score.Margin;
                hab += curvature * score.Margin;
                hbb += curvature;
            }

            // A little ridge keeps the step finite when the classes are separable.
            haa += 1e-6;
            hbb += 1e-6;
            var determinant = (haa * hbb) - (hab * hab);
            var da = ((hbb * ga) - (hab * gb)) / determinant;
            var db = ((haa * gb) - (hab * ga)) / determinant;
            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return (a, b);
    }
}
