namespace GoldenPath.Guardrails.Training;

/// <summary>A train-split text scored by a model that did not see its family: the honest input for calibration.</summary>
internal sealed record OutOfFoldScore(CorpusEntry Entry, double Margin, double SignatureScore)
{
    public bool IsAttack => Entry.IsAttack;

    public double Combined(double scale, double offset) =>
        PromptInjectionRail.Combine(SignatureScore, 1 / (1 + Math.Exp(-((scale * Margin) + offset))));
}
