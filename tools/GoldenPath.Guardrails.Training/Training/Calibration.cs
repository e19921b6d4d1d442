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

    /// <summary>
    /// Logistic regression of the label on the margin (two parameters), by an exhaustive grid over a bounded range.
    /// Newton's method diverges when the out-of-fold margins are nearly separable; a grid cannot, and it is
    /// deterministic. The scale stays between 0.01 and 20, so the probability keeps a usable slope.
    /// </summary>
    private static (double Scale, double Offset) Platt(IReadOnlyList<OutOfFoldScore> scores)
    {
        var best = (Scale: 1.0, Offset: 0.0);
        var bestLoss = double.MaxValue;
        for (var i = 0; i <= 80; i++)
        {
            var scale = 0.01 * Math.Pow(2000, i / 80.0);
            for (var j = 0; j <= 160; j++)
            {
                var offset = -20 + (j * 0.25);
                var loss = 0.0;
                foreach (var score in scores)
                {
                    var z = (scale * score.Margin) + offset;

                    // log(1 + e^-z) for attacks, log(1 + e^z) for benign, computed without overflow.
                    var signed = score.IsAttack ? -z : z;
                    loss += signed > 0 ? signed + Math.Log(1 + Math.Exp(-signed)) : Math.Log(1 + Math.Exp(signed));
                }

                if (loss < bestLoss)
                {
                    bestLoss = loss;
                    best = (scale, offset);
                }
            }
        }

        return best;
    }
}
