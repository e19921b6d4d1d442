using Microsoft.Extensions.AI;

namespace GoldenPath.Retrieval;

/// <summary>Settings for <see cref="PostgresKnowledgeStore"/>.</summary>
public sealed class PostgresStoreOptions
{
    /// <summary>Schema holding the store's tables; one schema per knowledge base. Lower-case identifier.</summary>
    public string Schema { get; init; } = "goldenpath";

    /// <summary>
    /// The non-owner role every search runs as (<c>SET LOCAL ROLE</c>). Row-level security does not apply to superusers
    /// or, without <c>FORCE</c>, to table owners, so queries must never run as the role that owns the tables.
    /// </summary>
    public string ReaderRole { get; init; } = "goldenpath_reader";

    /// <summary>
    /// Embedding dimensions; fixed by the first migration as <c>vector(N)</c>. Must match the model of
    /// <see cref="EmbeddingGenerator"/>: every vector it returns is checked against it.
    /// </summary>
    public int Dimensions { get; init; } = 384;

    /// <summary>
    /// Embeds chunks at ingestion (one call per document) and queries at search time; vectors are L2-normalized before
    /// they are stored. <see langword="null"/> uses an offline <see cref="HashingEmbedder"/> of <see cref="Dimensions"/>.
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>>? EmbeddingGenerator { get; init; }

    /// <summary>
    /// Minimum <c>hnsw.ef_search</c>; raised to the candidate count when a search asks for more. Iterative scans keep
    /// selective ACL filters from under-filling results; this only trades latency for recall.
    /// </summary>
    public int EfSearch { get; init; } = 100;

    /// <summary>
    /// Makes the planner take the HNSW index even where the ACL index plus an exact sort is cheaper (it is, for very
    /// selective callers on small tables), so measurements exercise the approximate path.
    /// </summary>
    internal bool ForceVectorIndex { get; init; }

    /// <summary>Timeout for migrations and writes: building or extending an HNSW graph can take minutes.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Screens every chunk at ingestion, as the embedded store does: quarantined chunks are never stored (and are
    /// logged); flagged ones are stored. Null stores every chunk.
    /// </summary>
    public IChunkScreen? ChunkScreen { get; init; }
}
