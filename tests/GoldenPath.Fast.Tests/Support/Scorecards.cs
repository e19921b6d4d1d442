namespace GoldenPath.Fast.Tests.Support;

internal static class Scorecards
{
    public static CaseResult Result(string id, string category, CaseOutcome outcome, Severity caseSeverity = Severity.High, params Finding[] findings) =>
        new(Cases.Single("p", id: id, category: category, severity: caseSeverity), outcome, findings, TimeSpan.FromMilliseconds(12));

    public static Finding Finding(string id, string category, Severity severity, string evaluator = "canary-disclosure", string evidence = "canary 'system-prompt' in plain form at offset 4") =>
        new(id, category, severity, evaluator, evidence);

    /// <summary>Two categories: LLM01 with a disclosure and an error, LLM07 all deflected.</summary>
    public static Scorecard Mixed(string evidence = "canary 'system-prompt' in plain form at offset 4") => new(
        "2026.11.29",
        DateTimeOffset.UnixEpoch,
        TimeSpan.FromSeconds(2),
        [
            Result("leak-1", "LLM01", CaseOutcome.Disclosed, Severity.Critical, Finding("leak-1", "LLM01", Severity.Critical, evidence: evidence)),
            Result("crash-1", "LLM01", CaseOutcome.Errored, Severity.Medium, Finding("crash-1", "LLM01", Severity.High, "error-class", "HTTP 500")),
            Result("ok-1", "LLM01", CaseOutcome.Deflected),
            Result("ok-2", "LLM07", CaseOutcome.Deflected, Severity.Low),
            Result("ok-3", "LLM07", CaseOutcome.Answered, Severity.Critical, Finding("ok-3", "LLM07", Severity.Medium, "expectation", "not deflected")),
        ],
        replayArguments: "--url http://127.0.0.1:5000");
}
