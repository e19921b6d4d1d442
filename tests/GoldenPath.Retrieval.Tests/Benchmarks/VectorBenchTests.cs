using System.Numerics.Tensors;

namespace GoldenPath.Retrieval.Tests.Benchmarks;

public sealed class VectorBenchTests
{
    private static readonly VectorBenchOptions s_options = new(Chunks: 2_000, Dimensions: 24, Selectivity: 0.02, Queries: 30, Top: 10, Seed: 3);

    [Fact]
    public async Task Embedded_target_has_exact_recall_and_never_underfills()
    {
        await using var target = new EmbeddedVectorBenchTarget();

        var result = await VectorBench.RunAsync(target, s_options, TestContext.Current.CancellationToken);

        Assert.Equal(("embedded", 2_000, 24, 0.02, 30), (result.Store, result.Chunks, result.Dims, result.Selectivity, result.Queries));
        Assert.Equal(1.0, result.RecallAt10);
        Assert.Equal(0, result.Underfilled);
        Assert.True(result.P99Us >= result.P50Us);
    }

    [Fact]
    public async Task A_store_that_filters_after_ranking_shows_lost_recall_and_underfilled_queries()
    {
        await using var target = new PostFilterTarget();

        var result = await VectorBench.RunAsync(target, s_options, TestContext.Current.CancellationToken);

        Assert.True(result.RecallAt10 < 0.5, $"recall {result.RecallAt10}");
        Assert.True(result.Underfilled > 0);
    }

    [Fact]
    public async Task A_store_that_returns_an_unreadable_chunk_fails_the_bench()
    {
        await using var target = new PostFilterTarget { SkipFilter = true };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => VectorBench.RunAsync(target, s_options, TestContext.Current.CancellationToken));

        Assert.Contains("may not read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dataset_grants_exactly_the_selected_share_to_the_reader()
    {
        var dataset = VectorBenchDataset.Generate(s_options with { Chunks = 1_000, Selectivity = 0.25 }, new Random(5));

        Assert.Equal(250, dataset.PermittedCount);
        Assert.Equal(250, Enumerable.Range(0, dataset.Count).Count(i => VectorBenchDataset.Reader.CanRead(dataset.Acl(i))));
        Assert.All(Enumerable.Range(0, dataset.Count), i => Assert.Equal(dataset.IsReadable(i), VectorBenchDataset.Reader.CanRead(dataset.Acl(i))));
    }

    [Theory]
    [InlineData(0.5, 5.0)]
    [InlineData(0.99, 10.0)]
    [InlineData(0.1, 1.0)]
    public void Percentile_is_nearest_rank(double fraction, double expected)
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(expected, VectorBench.Percentile(sorted, fraction));
    }

    /// <summary>The naive design: rank everything, then drop what the caller may not read.</summary>
    private sealed class PostFilterTarget : IVectorBenchTarget
    {
        private VectorBenchDataset? _dataset;

        public bool SkipFilter { get; init; }

        public string Name => "post-filter";

        public Task LoadAsync(VectorBenchDataset dataset, CancellationToken cancellationToken)
        {
            _dataset = dataset;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<int>> SearchAsync(ReadOnlyMemory<float> query, PrincipalSet principals, int top, CancellationToken cancellationToken)
        {
            var dataset = _dataset!;
            IReadOnlyList<int> hits = [.. Enumerable.Range(0, dataset.Count)
                .OrderByDescending(i => TensorPrimitives.Dot(query.Span, dataset.Vector(i).Span))
                .Take(top)
                .Where(i => SkipFilter || principals.CanRead(dataset.Acl(i)))];
            return Task.FromResult(hits);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
