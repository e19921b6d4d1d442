using GoldenPath.Guardrails;
using GoldenPath.Retrieval;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Retrieval;

/// <summary>
/// Screens chunks at ingestion with the active guardrail policy's input rails, the same rails that screen user
/// messages: retrieved text enters the model's context just like a user message, so it gets the same scrutiny.
/// </summary>
/// <remarks>
/// Block becomes <see cref="ChunkScreenAction.Quarantine"/> (or <see cref="ChunkScreenAction.Flag"/> when
/// <c>GoldenPath:Retrieval:SuspiciousChunks</c> is <c>Flag</c>), Flag stays Flag, anything else is allowed. The policy
/// is read from <see cref="GuardrailPolicyStore.Current"/> per chunk, so an activated policy version applies to the
/// next ingestion without a restart.
/// </remarks>
public sealed class GuardrailsChunkScreen(GuardrailPolicyStore policies, IOptions<RetrievalOptions> options) : IChunkScreen
{
    public ChunkScreenResult Screen(string documentId, string chunkText)
    {
        var verdict = policies.Current.EvaluateInput(chunkText);
        var rails = string.Join(", ", verdict.Findings.Select(finding => $"{finding.Rail}/{finding.Category}").Distinct(StringComparer.Ordinal));
        return verdict.Action switch
        {
            RailAction.Block when options.Value.SuspiciousChunks == SuspiciousChunkHandling.Flag =>
                ChunkScreenResult.Flag($"guardrail policy {verdict.PolicyVersion} would block it ({rails})"),
            RailAction.Block => ChunkScreenResult.Quarantine($"blocked by guardrail policy {verdict.PolicyVersion} ({rails})"),
            RailAction.Flag => ChunkScreenResult.Flag($"flagged by guardrail policy {verdict.PolicyVersion} ({rails})"),
            _ => ChunkScreenResult.Allow,
        };
    }
}
