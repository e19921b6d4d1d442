namespace GoldenPath.Guardrails;

/// <summary>The model's calibrated probability for the highest-scoring window, and that window in the raw text.</summary>
internal readonly record struct ModelScore(double Probability, EvidenceSpan Window);
