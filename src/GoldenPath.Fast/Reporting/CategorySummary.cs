namespace GoldenPath.Fast;

/// <summary>Outcome counts for one OWASP LLM category.</summary>
public sealed record CategorySummary(string Category, OutcomeCounts Outcomes);
