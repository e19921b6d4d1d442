using GoldenPath.Guardrails;

namespace RagChatbot._1.Api.Chat;

/// <summary>One user turn.</summary>
public sealed record ChatRequest(string? Message, string? ConversationId);

/// <summary>The answer, the documents it cites (only ones the caller may read) and what the guardrails did.</summary>
public sealed record ChatReply(string Answer, IReadOnlyList<Citation> Citations, VerdictSummary Verdict, string ConversationId);

public sealed record Citation(string Id, string Title);

/// <summary>The guardrail verdict as callers see it: decisions and categories, never the matched text.</summary>
public sealed record VerdictSummary(RailAction Action, string PolicyVersion, IReadOnlyList<FindingSummary> Findings)
{
    public static VerdictSummary From(GuardrailVerdict verdict) => new(
        verdict.Action,
        verdict.PolicyVersion,
        [.. verdict.Findings.Select(f => new FindingSummary(f.Rail, f.Stage, f.Action, f.Category, Math.Round(f.Score, 3), f.Mode))]);
}

/// <summary>One rail's finding. In <see cref="RailMode.Monitor"/> the action is what enforcing would have done; it did not change the verdict.</summary>
public sealed record FindingSummary(string Rail, RailStage Stage, RailAction Action, string Category, double Score, RailMode Mode);
