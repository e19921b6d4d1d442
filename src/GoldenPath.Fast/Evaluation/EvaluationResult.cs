namespace GoldenPath.Fast;

/// <summary>An evaluator's say on one response: an outcome it claims (if any) and its findings.</summary>
internal sealed record EvaluationResult(CaseOutcome? Outcome, IReadOnlyList<Finding> Findings)
{
    public static EvaluationResult None { get; } = new(null, []);
}
