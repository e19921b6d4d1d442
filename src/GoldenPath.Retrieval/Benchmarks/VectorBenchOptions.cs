namespace GoldenPath.Retrieval;

/// <param name="Chunks">Number of random unit vectors to store.</param>
/// <param name="Dimensions">Their size.</param>
/// <param name="Selectivity">Fraction of chunks, in (0, 1], the querying principals may read.</param>
/// <param name="Queries">Timed queries.</param>
/// <param name="Top">Results per query (k).</param>
/// <param name="Seed">Seed of every random choice, so two runs see the same data and queries.</param>
public sealed record VectorBenchOptions(int Chunks, int Dimensions, double Selectivity, int Queries, int Top = 10, int Seed = 1)
{
    /// <summary>The first problem with these options, phrased as a fix, or <see langword="null"/>.</summary>
    public string? Validate() => this switch
    {
        { Chunks: < 1 } => "--chunks must be at least 1.",
        { Dimensions: < 1 } => "--dims must be at least 1.",
        { Selectivity: <= 0 or > 1 } or { Selectivity: double.NaN } => "--selectivity must be greater than 0 and at most 1, for example 0.01.",
        { Queries: < 1 } => "--queries must be at least 1.",
        { Top: < 1 } => "--top must be at least 1.",
        _ => null,
    };
}
