using System.Text.Json.Serialization;

namespace GoldenPath.Retrieval;

/// <summary>One bench run, serialized as the single JSON line the CLI prints.</summary>
/// <param name="Store">Which store was measured.</param>
/// <param name="Chunks">Chunks stored.</param>
/// <param name="Dims">Vector dimensions.</param>
/// <param name="Selectivity">Fraction of chunks the reader may read.</param>
/// <param name="Queries">Timed queries.</param>
/// <param name="P50Us">Median query latency in microseconds.</param>
/// <param name="P99Us">99th-percentile query latency in microseconds.</param>
/// <param name="RecallAt10">Mean recall of the top-k against brute force over the permitted chunks (k = <see cref="VectorBenchOptions.Top"/>).</param>
/// <param name="Underfilled">Queries that returned fewer than min(k, permitted) results.</param>
public sealed record VectorBenchResult(
    [property: JsonPropertyName("store")] string Store,
    [property: JsonPropertyName("chunks")] int Chunks,
    [property: JsonPropertyName("dims")] int Dims,
    [property: JsonPropertyName("selectivity")] double Selectivity,
    [property: JsonPropertyName("queries")] int Queries,
    [property: JsonPropertyName("p50Us")] double P50Us,
    [property: JsonPropertyName("p99Us")] double P99Us,
    [property: JsonPropertyName("recallAt10")] double RecallAt10,
    [property: JsonPropertyName("underfilled")] int Underfilled);
