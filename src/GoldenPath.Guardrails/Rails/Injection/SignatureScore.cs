namespace GoldenPath.Guardrails;

/// <summary>What the signatures found: the combined weight, the strongest match's category and every match's raw span.</summary>
internal readonly record struct SignatureScore(double Score, string Category, List<EvidenceSpan>? Evidence);
