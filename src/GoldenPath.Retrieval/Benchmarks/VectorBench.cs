using System.Diagnostics;
using System.Numerics.Tensors;

namespace GoldenPath.Retrieval;

/// <summary>
/// Measures permission-filtered top-k latency and recall of a <see cref="IVectorBenchTarget"/> on seeded random data,
/// one query at a time on the calling thread.
/// </summary>
/// <remarks>
/// Recall is measured against brute force over the chunks the reader may read, so an index that filters after an
/// approximate search shows its loss here, and <see cref="VectorBenchResult.Underfilled"/> counts queries that came back
/// short although enough permitted chunks existed.
/// </remarks>
public static class VectorBench
{
    /// <summary>Untimed queries first, so JIT compilation and cold caches do not count against the store.</summary>
    private const int WarmupQueries = 20;

    public static async Task<VectorBenchResult> RunAsync(IVectorBenchTarget target, VectorBenchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var random = new Random(options.Seed);
        var dataset = VectorBenchDataset.Generate(options, random);
        await target.LoadAsync(dataset, cancellationToken).ConfigureAwait(false);

        for (var i = 0; i < Math.Min(WarmupQueries, options.Queries); i++)
        {
            await target.SearchAsync(VectorBenchDataset.RandomUnit(random, options.Dimensions), VectorBenchDataset.Reader, options.Top, cancellationToken).ConfigureAwait(false);
        }

        var latencies = new double[options.Queries];
        var recallSum = 0.0;
        var underfilled = 0;
        var expectedCount = Math.Min(options.Top, dataset.PermittedCount);
        for (var q = 0; q < options.Queries; q++)
        {
            var query = VectorBenchDataset.RandomUnit(random, options.Dimensions);
            var started = Stopwatch.GetTimestamp();
            var results = await target.SearchAsync(query, VectorBenchDataset.Reader, options.Top, cancellationToken).ConfigureAwait(false);
            latencies[q] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;

            if (results.Any(index => index < 0 || index >= dataset.Count || !dataset.IsReadable(index)))
            {
                throw new InvalidOperationException($"Store '{target.Name}' returned a chunk the reader may not read; the permission filter is broken.");
            }

            var truth = BruteForce(dataset, query, options.Top);
            recallSum += truth.Count == 0 ? 1 : (double)results.Distinct().Count(truth.Contains) / truth.Count;
            if (results.Count < expectedCount)
            {
                underfilled++;
            }
        }

        Array.Sort(latencies);
        return new VectorBenchResult(
            target.Name,
            options.Chunks,
            options.Dimensions,
            options.Selectivity,
            options.Queries,
            Math.Round(Percentile(latencies, 0.50), 1),
            Math.Round(Percentile(latencies, 0.99), 1),
            Math.Round(recallSum / options.Queries, 4),
            underfilled);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static HashSet<int> BruteForce(VectorBenchDataset dataset, float[] query, int top)
    {
        var scored = new List<(int Index, float Score)>(dataset.PermittedCount);
        for (var i = 0; i < dataset.Count; i++)
        {
            if (dataset.IsReadable(i))
            {
                scored.Add((i, TensorPrimitives.Dot(query, dataset.Vector(i).Span)));
            }
        }

        scored.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        return [.. scored.Take(top).Select(s => s.Index)];
    }
}
