namespace GoldenPath.Guardrails.Training;

/// <summary>Everything that determines the trained model besides the corpus. Fixed values make training reproducible.</summary>
internal sealed record TrainingSettings
{
    public int WindowLength { get; init; } = 400;

    public int WindowStride { get; init; } = 200;

    public float L2Regularization { get; init; } = 0.0001f;

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
