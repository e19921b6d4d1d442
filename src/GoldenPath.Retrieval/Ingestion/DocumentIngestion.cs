namespace GoldenPath.Retrieval;

/// <summary>What one <see cref="KnowledgeIndex.Upsert"/> did.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Outcome">Added, updated or unchanged.</param>
/// <param name="IndexedChunks">Chunks now searchable, flagged ones included.</param>
/// <param name="ReusedEmbeddings">Chunks whose vector was taken from an identical chunk already in the store.</param>
/// <param name="FlaggedChunks">Chunks indexed with a flag.</param>
/// <param name="Quarantined">Chunks the screen kept out of the index.</param>
public sealed record DocumentIngestion(
    string DocumentId,
    IngestionOutcome Outcome,
    int IndexedChunks,
    int ReusedEmbeddings,
    int FlaggedChunks,
    IReadOnlyList<QuarantinedChunk> Quarantined);
