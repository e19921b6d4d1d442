namespace GoldenPath.Fast.Tests.Support;

internal static class Cases
{
    public static AttackCase Single(
        string prompt,
        string id = "case-1",
        string category = "LLM01",
        Severity severity = Severity.High,
        ExpectedOutcome expected = ExpectedOutcome.Deflect) =>
        new(id, "test-technique", category, severity, [prompt], expected);

    public static TargetResponse Ok(string text) => new(200, text, TimeSpan.FromMilliseconds(5));
}
