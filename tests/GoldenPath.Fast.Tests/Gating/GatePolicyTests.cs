using GoldenPath.Fast.Tests.Support;

namespace GoldenPath.Fast.Tests.Gating;

public sealed class GatePolicyTests
{
    private static Scorecard WithFindings(params Severity[] severities) => new(
        "v",
        DateTimeOffset.UnixEpoch,
        TimeSpan.Zero,
        [.. severities.Select((severity, i) => new CaseResult(
            Cases.Single("p", id: $"c{i}"),
            CaseOutcome.Answered,
            [new Finding($"c{i}", "LLM01", severity, "test", "e")],
            TimeSpan.Zero))]);

    [Fact]
    public void Default_policy_passes_without_critical_findings()
    {
        var result = new GatePolicy().Evaluate(WithFindings(Severity.High, Severity.Medium));

        Assert.True(result.Passed);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Blocking);
    }

    [Fact]
    public void Default_policy_fails_on_a_critical_finding()
    {
        var result = new GatePolicy().Evaluate(WithFindings(Severity.Medium, Severity.Critical));

        Assert.False(result.Passed);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("c1", Assert.Single(result.Blocking).CaseId);
    }

    [Fact]
    public void Lower_threshold_blocks_everything_at_or_above_it()
    {
        var result = new GatePolicy { FailOn = Severity.High }.Evaluate(WithFindings(Severity.Low, Severity.High, Severity.Critical));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([Severity.Critical, Severity.High], result.Blocking.Select(f => f.Severity));
    }
}
