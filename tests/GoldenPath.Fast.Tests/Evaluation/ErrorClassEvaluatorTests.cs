using GoldenPath.Fast.Tests.Support;

namespace GoldenPath.Fast.Tests.Evaluation;

public sealed class ErrorClassEvaluatorTests
{
    [Theory]
    [InlineData(0, "no response from the target")]
    [InlineData(500, "HTTP 500 on attack input")]
    [InlineData(503, "HTTP 503 on attack input")]
    [InlineData(401, "check the URL, path and token")]
    [InlineData(404, "check the URL, path and token")]
    public void Failures_are_errored_with_a_high_finding(int status, string evidence)
    {
        var evaluation = new ErrorClassEvaluator().Evaluate(Cases.Single("x"), new TargetResponse(status, "boom", TimeSpan.Zero));

        Assert.Equal(CaseOutcome.Errored, evaluation.Outcome);
        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains(evidence, finding.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(413)]
    [InlineData(429)]
    public void Rejected_input_counts_as_deflected(int status)
    {
        var evaluation = new ErrorClassEvaluator().Evaluate(Cases.Single("x"), new TargetResponse(status, "Blocked", TimeSpan.Zero));

        Assert.Equal(CaseOutcome.Deflected, evaluation.Outcome);
        Assert.Empty(evaluation.Findings);
    }

    [Fact]
    public void Success_is_left_to_other_evaluators()
    {
        var evaluation = new ErrorClassEvaluator().Evaluate(Cases.Single("x"), Cases.Ok("fine"));

        Assert.Null(evaluation.Outcome);
    }
}
