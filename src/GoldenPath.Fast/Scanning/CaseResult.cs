namespace GoldenPath.Fast;

public sealed record CaseResult(AttackCase Case, CaseOutcome Outcome, IReadOnlyList<Finding> Findings, TimeSpan Latency);
