namespace GoldenPath.Guardrails.Tests;

public sealed class GuardrailVerdictTests
{
    [Fact]
    public void Combine_takes_the_most_severe_action_all_findings_and_the_second_text()
    {
        var inputFinding = new RailFinding("pii", RailStage.Input, RailAction.Redact, "email", 0.9, [new EvidenceSpan(0, 3)]);
        var outputFinding = new RailFinding("canary", RailStage.Output, RailAction.Flag, "canary-leak", 1, []);
        var input = new GuardrailVerdict(RailAction.Redact, "v1", [inputFinding], "input text");
        var output = new GuardrailVerdict(RailAction.Flag, "v1", [outputFinding], "output text");

        var combined = GuardrailVerdict.Combine(input, output);

        Assert.Equal(RailAction.Redact, combined.Action);
        Assert.Equal([inputFinding, outputFinding], combined.Findings);
        Assert.Equal("output text", combined.Text);
        Assert.False(combined.IsBlocked);
        Assert.True(GuardrailVerdict.Combine(output, input with { Action = RailAction.Block }).IsBlocked);
    }
}
