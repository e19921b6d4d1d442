namespace GoldenPath.Fast;

/// <param name="Passed">Whether every rule of the policy held.</param>
/// <param name="ExitCode">0 when passed, 1 when failed; meant to be the process exit code in CI.</param>
/// <param name="Blocking">The findings that broke a <c>maxFindings</c> limit.</param>
public sealed record GateResult(bool Passed, int ExitCode, IReadOnlyList<Finding> Blocking)
{
    /// <summary>One line per broken rule, for example <c>LLM01 pass rate 0.90 is below 0.95</c>.</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>Findings in this scan but not in the baseline; empty without a baseline.</summary>
    public IReadOnlyList<Finding> NewFindings { get; init; } = [];

    /// <summary>Findings in the baseline that this scan no longer raises; empty without a baseline.</summary>
    public IReadOnlyList<FindingKey> FixedFindings { get; init; } = [];

    /// <summary>Whether a baseline was compared.</summary>
    public bool HasBaseline { get; init; }
}
