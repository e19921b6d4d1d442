using System.Diagnostics;
using System.Numerics.Tensors;
using Npgsql;

namespace GoldenPath.Retrieval;

/// <summary>
/// Measures a <see cref="PostgresKnowledgeStore"/> on a synthetic corpus in a throw-away schema: search latency, recall
/// of the vector leg against an exact scan of the permitted chunks, and how often a selective ACL under-fills k.
/// </summary>
public static class PostgresBench
{
    private const int K = 10;

    /// <param name="connectionString">A role allowed to create schemas (and, on first use, the vector extension and reader role).</param>
    /// <param name="chunks">Chunks to store, in documents of ten.</param>
    /// <param name="dimensions">Embedding dimensions.</param>
    /// <param name="selectivity">Share of the chunks each caller may read, for example 0.01.</param>
    /// <param name="queries">Searches to measure.</param>
    /// <param name="seed">Seed for the corpus and the questions; equal seeds give equal runs.</param>
    /// <param name="forceVectorIndex">
    /// Take the HNSW index even where the planner would pick the ACL index and an exact sort, to measure the approximate path.
    /// </param>
    /// <param name="cancellationToken">Cancels the run; the schema is still dropped.</param>
    public static async Task<PostgresBenchResult> RunAsync(
        string connectionString,
        int chunks = 10_000,
        int dimensions = 384,
        double selectivity = 0.01,
        int queries = 200,
        int seed = 42,
        bool forceVectorIndex = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queries, 1);
        var corpus = new SyntheticCorpus(chunks, selectivity, seed);
        var options = new PostgresStoreOptions { Schema = $"goldenpath_bench_{Guid.NewGuid():N}"[..30], Dimensions = dimensions, ForceVectorIndex = forceVectorIndex };
        await using var store = PostgresKnowledgeStore.Create(connectionString, options);
        try
        {
            await store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            var ingest = Stopwatch.StartNew();
            foreach (var document in corpus.Documents)
            {
                await store.UpsertAsync(document, cancellationToken).ConfigureAwait(false);
            }

            ingest.Stop();
            var exact = new ExactNeighbours(corpus, new HashingEmbedder(dimensions));
            var embedder = new HashingEmbedder(dimensions);
            var latencies = new double[queries];
            var recallSum = 0.0;
            var underfilled = 0;
            for (var q = 0; q < queries; q++)
            {
                var group = corpus.NextGroup();
                var principals = PrincipalSet.From([SyntheticCorpus.Group(group)]);
                var question = corpus.Question();

                var timer = Stopwatch.StartNew();
                await store.SearchAsync(question, principals, K, cancellationToken).ConfigureAwait(false);
                latencies[q] = timer.Elapsed.TotalMicroseconds;

                var vector = embedder.Embed(question);
                var approximate = await store.NearestAsync(vector, principals, K, cancellationToken).ConfigureAwait(false);
                var expected = exact.Nearest(vector, group, K);
                if (approximate.Count < expected.Count)
                {
                    underfilled++;
                }

                recallSum += expected.Count == 0 ? 1 : (double)approximate.Count(expected.Contains) / expected.Count;
            }

            Array.Sort(latencies);
            return new PostgresBenchResult(
                exact.Count,
                dimensions,
                selectivity,
                queries,
                forceVectorIndex,
                ingest.Elapsed.TotalSeconds,
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.99),
                recallSum / queries,
                underfilled);
        }
        finally
        {
            await using var drop = store.DataSource.CreateCommand($"DROP SCHEMA IF EXISTS {store.Names.Schema} CASCADE");
            await drop.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    // Nearest-rank percentile of sorted values.
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Brute-force cosine neighbours per ACL group, embedded exactly as the store embeds chunks.</summary>
    private sealed class ExactNeighbours
    {
        private readonly List<(string DocumentId, int Ordinal, float[] Vector)>[] _byGroup;

        internal ExactNeighbours(SyntheticCorpus corpus, HashingEmbedder embedder)
        {
            _byGroup = [.. Enumerable.Range(0, corpus.Groups).Select(_ => new List<(string, int, float[])>())];
            for (var i = 0; i < corpus.Documents.Count; i++)
            {
                var document = corpus.Documents[i];
                foreach (var chunk in MarkdownChunker.Split(document.Content))
                {
                    _byGroup[i % corpus.Groups].Add((document.Id, chunk.Ordinal, embedder.Embed(MarkdownChunker.IndexText(document.Title, chunk))));
                }
            }
        }

        /// <summary>Chunks as the chunker cut them, which is what the store holds.</summary>
        internal int Count => _byGroup.Sum(group => group.Count);

        internal HashSet<(string DocumentId, int Ordinal)> Nearest(float[] query, int group, int k) =>
        [
            .. _byGroup[group]
                .Select(chunk => (chunk.DocumentId, chunk.Ordinal, Cosine: TensorPrimitives.Dot(query, chunk.Vector)))
                .OrderByDescending(chunk => chunk.Cosine)
                .Take(k)
                .Select(chunk => (chunk.DocumentId, chunk.Ordinal)),
        ];
    }
}
