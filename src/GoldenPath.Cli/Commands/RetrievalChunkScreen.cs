using GoldenPath.Guardrails;
using GoldenPath.Retrieval;

namespace GoldenPath.Cli.Commands;

/// <summary>Screens chunks at ingestion with the guardrail input rails: blocked text is quarantined, flagged text flagged.</summary>
internal sealed class RetrievalChunkScreen(GuardrailEngine engine) : IChunkScreen
{
    public ChunkScreenResult Screen(string documentId, string chunkText)
    {
        var verdict = engine.EvaluateInput(chunkText);
        var reason = string.Join("; ", verdict.Findings.Select(finding => $"{finding.Rail} ({finding.Category})").Distinct(StringComparer.Ordinal));
        return verdict.Action switch
        {
            RailAction.Block => ChunkScreenResult.Quarantine($"blocked by guardrail policy {verdict.PolicyVersion}: {reason}"),
            RailAction.Flag => ChunkScreenResult.Flag($"flagged by guardrail policy {verdict.PolicyVersion}: {reason}"),
            _ => ChunkScreenResult.Allow,
        };
    }
}
