namespace GoldenPath.AspNetCore.Retrieval;

/// <summary>Settings bound from <c>GoldenPath:Retrieval</c>.</summary>
public sealed class RetrievalOptions
{
    public SuspiciousChunkHandling SuspiciousChunks { get; set; } = SuspiciousChunkHandling.Quarantine;

    public KnowledgeStoreKind Store { get; set; } = KnowledgeStoreKind.Embedded;

    /// <summary>Name under <c>ConnectionStrings</c> of the PostgreSQL database, as an Aspire reference sets it.</summary>
    public string ConnectionStringName { get; set; } = "knowledge";

    /// <summary>
    /// Output size of the embedding model; a store is built for one size and rejects vectors of another. 384 matches
    /// the offline hashing embedder; set the model's size (e.g. 1536) when a provider's embedding model is configured.
    /// </summary>
    public int Dimensions { get; set; } = 384;

    /// <summary>Directory of the persisted store; when empty the registered <see cref="GoldenPath.Retrieval.KnowledgeIndex"/> lives in memory.</summary>
    public string? StoreDirectory { get; set; }
}
