namespace GoldenPath.Retrieval;

/// <summary>Figures from one <see cref="PostgresBench"/> run.</summary>
/// <param name="Chunks">Chunks stored.</param>
/// <param name="Dimensions">Embedding dimensions.</param>
/// <param name="Selectivity">Share of the chunks each query's caller may read.</param>
/// <param name="Queries">Searches measured.</param>
/// <param name="ForcedVectorIndex">Whether the HNSW index was forced rather than left to the planner.</param>
/// <param name="IngestSeconds">Wall time to upsert every document, HNSW maintenance included.</param>
/// <param name="P50Us">Median end-to-end <see cref="PostgresKnowledgeStore.SearchAsync"/> latency, microseconds.</param>
/// <param name="P99Us">99th percentile of the same, microseconds.</param>
/// <param name="RecallAt10">Mean share of the exact ten nearest permitted chunks that the vector leg returned.</param>
/// <param name="Underfilled">Queries whose vector leg returned fewer than ten chunks although ten were permitted.</param>
public sealed record PostgresBenchResult(
    int Chunks,
    int Dimensions,
    double Selectivity,
    int Queries,
    bool ForcedVectorIndex,
    double IngestSeconds,
    double P50Us,
    double P99Us,
    double RecallAt10,
    int Underfilled);
