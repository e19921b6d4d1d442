namespace GoldenPath.Guardrails.Training;

/// <summary>Weights and bias of a trained logistic regression, before calibration.</summary>
internal sealed record LinearModel(float[] Weights, float Bias)
{
    /// <summary>The weights as the model file will hold them (half precision), so scores here match run time.</summary>
    public LinearModel Quantized() =>
        new([.. Weights.Select(static w => (float)(Half)w)], (float)(Half)Bias);
}
