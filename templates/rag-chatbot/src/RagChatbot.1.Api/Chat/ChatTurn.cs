using System.Security.Claims;
using System.Text.RegularExpressions;
using GoldenPath.AspNetCore.Fast;
using GoldenPath.AspNetCore.Identity;
using GoldenPath.AspNetCore.Retrieval;
using GoldenPath.AspNetCore.Telemetry;
using GoldenPath.Guardrails;
using GoldenPath.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace RagChatbot._1.Api.Chat;

/// <summary>
/// One chat turn, in the order the controls depend on: input rails, permission-trimmed retrieval,
/// the guarded model pipeline, then citations limited to documents the caller may read.
/// </summary>
public sealed partial class ChatTurn(
    IChatClient chatClient,
    GuardrailPolicyStore guardrails,
    IKnowledgeStore knowledge,
    IRestrictedContentProbeFactory restrictedContent,
    IOptions<PrincipalClaimOptions> principalClaims,
    IOptions<GuardrailOptions> guardrailOptions,
    PlantedCanaries plantedCanaries,
    ILogger<ChatTurn> logger)
{
    private const int PassagesPerTurn = 4;
    private const string RolePrefix = "role:";

    public async Task<ChatReply> RunAsync(string message, string conversationId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var principals = user.ToPrincipalSet(principalClaims.Value);
        var userId = principals.FirstOrDefault(p => p.StartsWith("user:", StringComparison.Ordinal)) ?? "anonymous";

        // The system prompt and the retrieved context are taken from the messages by the guardrails client; the
        // caller's roles and what the caller may not read are known only here.
        var request = new GuardrailRequest
        {
            Roles = [.. principals.Where(p => p.StartsWith(RolePrefix, StringComparison.Ordinal)).Select(p => p[RolePrefix.Length..])],
            RestrictedContent = restrictedContent.Create(user),
        };

        // Input rails run before retrieval: a blocked attack never touches the knowledge base.
        // The active policy version is read once per turn, so an activation never splits a turn across two policies.
        var input = guardrails.Current.EvaluateInput(message, request);
        if (input.IsBlocked)
        {
            LogTurn(logger, userId, message, input.Action, input.PolicyVersion, 0);
            return new ChatReply(guardrailOptions.Value.RefusalMessage, [], VerdictSummary.From(input), conversationId);
        }

        var passages = await knowledge.SearchAsync(input.Text, principals, PassagesPerTurn, cancellationToken);

        var messages = ChatPrompt.Build(input.Text, passages, guardrailOptions.Value.Canary, plantedCanaries.SystemPromptLines);
        var options = new ChatOptions { AdditionalProperties = new() { [GuardrailRequest.PropertyName] = request } };
        var response = await chatClient.GetResponseAsync(messages, options, cancellationToken);

        var verdict = response.GetGuardrailVerdict() is { } pipelineVerdict ? GuardrailVerdict.Combine(input, pipelineVerdict) : input;
        var citations = verdict.IsBlocked ? [] : await CiteAsync(response.Text, passages, principals, cancellationToken);
        LogTurn(logger, userId, message, verdict.Action, verdict.PolicyVersion, citations.Count);
        return new ChatReply(response.Text, citations, VerdictSummary.From(verdict), conversationId);
    }

    /// <summary>
    /// Citations come from the [id] markers in the answer, but only for passages retrieved for this caller
    /// and re-checked against the index: a model cannot cite its way into a document.
    /// </summary>
    private async Task<IReadOnlyList<Citation>> CiteAsync(string answer, IReadOnlyList<RetrievedPassage> passages, PrincipalSet principals, CancellationToken cancellationToken)
    {
        var cited = CitationMarker().Matches(answer).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
        var citations = new List<Citation>();
        foreach (var passage in passages.Where(p => cited.Contains(p.DocumentId)).DistinctBy(p => p.DocumentId))
        {
            if (await knowledge.CanReadAsync(principals, passage.DocumentId, cancellationToken))
            {
                citations.Add(new Citation(passage.DocumentId, passage.Title));
            }
        }

        return citations;
    }

    // The user id is hashed and the message erased by the log redactors; neither is ever written in clear.
    [LoggerMessage(Level = LogLevel.Information, Message = "Chat turn by {UserId} ({Message}): {Action} under policy {PolicyVersion}, {Citations} citations")]
    private static partial void LogTurn(ILogger logger, [UserId] string userId, [Prompt] string message, RailAction action, string policyVersion, int citations);

    [GeneratedRegex(@"\[(?<id>[a-z0-9][a-z0-9._-]*)\]")]
    private static partial Regex CitationMarker();
}
