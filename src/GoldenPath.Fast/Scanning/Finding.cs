namespace GoldenPath.Fast;

/// <summary>Something a reviewer must look at, raised by an evaluator for one case.</summary>
/// <param name="CaseId">The attack case that produced it.</param>
/// <param name="Category">The case's OWASP LLM category.</param>
/// <param name="Severity">Critical only for proven leaks; the gate compares this against its threshold.</param>
/// <param name="Evaluator">Name of the check that raised it.</param>
/// <param name="Evidence">What was found and where; never the secret value itself.</param>
public sealed record Finding(string CaseId, string Category, Severity Severity, string Evaluator, string Evidence)
{
    /// <summary>The case's technique, for grouping findings in reports.</summary>
    public string? Technique { get; init; }

    /// <summary>A command line that runs just this case again, for example <c>goldenpath fast run --case id --url ...</c>.</summary>
    public string? Replay { get; init; }

    /// <summary>What identifies a finding across scans: the case and the check, not the evidence text, which varies.</summary>
    public FindingKey Key => new(CaseId, Evaluator);
}
