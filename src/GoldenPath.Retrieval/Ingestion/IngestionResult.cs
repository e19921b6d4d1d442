namespace GoldenPath.Retrieval;

/// <summary>What <see cref="KnowledgeIndex.Ingest"/> did with a folder's documents.</summary>
/// <param name="Documents">One entry per accepted document, in reading order.</param>
/// <param name="Rejected">Files refused before indexing, with file, line and fix.</param>
public sealed record IngestionResult(IReadOnlyList<DocumentIngestion> Documents, IReadOnlyList<RejectedDocument> Rejected)
{
    /// <summary>Documents added or updated.</summary>
    public int Ingested => Documents.Count(d => d.Outcome != IngestionOutcome.Unchanged);

    public int Unchanged => Documents.Count(d => d.Outcome == IngestionOutcome.Unchanged);

    public IReadOnlyList<QuarantinedChunk> Quarantined => [.. Documents.SelectMany(d => d.Quarantined)];
}
