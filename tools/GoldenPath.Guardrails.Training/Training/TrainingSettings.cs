namespace GoldenPath.Guardrails.Training;

/// <summary>Everything that determines the trained model besides the corpus. Fixed values make training reproducible.</summary>
internal sealed record TrainingSettings
{
    public int WindowLength { get; init; } = 400;

    public int WindowStride { get; init; } = 200;

    /// <summary>
    /// Strong enough that no single rare n-gram carries a text: with 0.0001 the model fitted every train text and
    /// scored near zero on a third of the attacks it had not seen. Chosen by cross-validation on the train split.
    /// </summary>
    public float L2Regularization { get; init; } = 0.01f;

    public float L1Regularization { get; init; } = 0f;

    public int Folds { get; init; } = 5;

    public int Seed { get; init; } = 20261129;

    /// <summary>Out-of-fold benign texts the combined score may block when the calibration is chosen.</summary>
    public double MaxBenignBlockRate { get; init; } = 0.005;

    /// <summary>Out-of-fold benign texts the combined score may flag when the calibration is chosen.</summary>
    public double MaxBenignFlagRate { get; init; } = 0.01;

    /// <summary>The default policy's thresholds, which the calibration is fitted against.</summary>
    public double BlockThreshold { get; init; } = 0.7;

    public double FlagThreshold { get; init; } = 0.45;
}
