namespace GoldenPath.Fast;

/// <summary>Decides whether a scan blocks the pipeline.</summary>
/// <remarks>
/// The default blocks only on critical findings, which are proven leaks; lower severities are for review and
/// would make the gate flaky if they blocked by default.
/// </remarks>
public sealed class GatePolicy
{
    public Severity FailOn { get; set; } = Severity.Critical;

    public GateResult Evaluate(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);

        Finding[] blocking = [.. scorecard.Findings.Where(finding => finding.Severity >= FailOn)];
        return blocking.Length == 0
            ? new GateResult(Passed: true, ExitCode: 0, blocking)
            : new GateResult(Passed: false, ExitCode: 1, blocking);
    }
}
