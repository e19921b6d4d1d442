namespace GoldenPath.Guardrails.Tests;

public sealed class ToolCallResultsTests
{
    public static TheoryData<string> Refusals() =>
    [
        ToolCallResults.Denied("send_email", "The tool is not in the catalog for the caller's roles."),
        ToolCallResults.PendingApproval("send_email", "t-42"),
        ToolCallResults.ApprovalUnavailable("send_email"),
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Every_refusal_says_the_call_did_not_run_and_is_recognised_as_such(string result)
    {
        Assert.Contains(ToolCallResults.NotRunMarker, result, StringComparison.Ordinal);
        Assert.True(ToolCallResults.DidNotRun("send_email", result));
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refusal_for_another_tool_is_not_this_tools(string result)
    {
        Assert.False(ToolCallResults.DidNotRun("send_mail", result));
    }

    [Theory]
    [InlineData("The backup did not run last night because the disk was full.")]
    [InlineData("")]
    [InlineData(null)]
    public void A_tools_own_output_that_mentions_the_words_is_a_result(string? result)
    {
        Assert.False(ToolCallResults.DidNotRun("send_email", result));
    }
}
