namespace GoldenPath.Guardrails;

/// <summary>
/// The feature counts of a window that slides along a view, with the two sums its margin needs kept up to date: the
/// weights times the sublinear counts, and the squared sublinear counts. Moving the window by a stride counts the
/// features that enter and uncounts those that leave, so a window's margin is ready once it is in place. Counting
/// every window from scratch read each feature twice (the windows overlap by half) and then went over every distinct
/// feature of the window once more to normalize and weigh it.
/// </summary>
/// <remarks>
/// <para>
/// Counts are indexed by bucket directly: a table as large as the model, reused by the thread, costs one array read per
/// feature where a hash table costs a probe. Counts are 16 bits, which keeps the table half the size of the weights;
/// the model refuses windows long enough to reach <see cref="MaxCount"/> in one bucket.
/// </para>
/// <para>
/// The margin is that of <see cref="FeatureVector.Normalize"/> and a dot product (counts c become
/// <see cref="FeatureVector.Sublinear"/>, and the vector is divided by its length or
/// <see cref="FeatureVector.MinimumNorm"/>), in double precision so the running sums do not drift over a long text.
/// </para>
/// </remarks>
internal sealed class SlidingWindow
{
    /// <summary>The most a window can count in one bucket.</summary>
    public const int MaxCount = ushort.MaxValue;

    private readonly ushort[] _counts = new ushort[1 << NgramFeaturizer.BucketBits];
    private float[] _weights = [];
    private double _weighted;
    private double _squares;
    private long _held;

    /// <summary>Empties the window, to slide along a new view with <paramref name="weights"/>.</summary>
    public void Start(float[] weights)
    {
        // Each view ends with its window emptied; a view left half-way (an exception) must not leak counts.
        if (_held != 0)
        {
            Array.Clear(_counts);
        }

        _weights = weights;
        _weighted = 0;
        _squares = 0;
        _held = 0;
    }

    /// <summary>Changes the count of every bucket in <paramref name="buckets"/> by <paramref name="change"/>, which may be negative.</summary>
    public void Count(ReadOnlySpan<int> buckets, int change)
    {
        var counts = _counts;
        var weights = _weights;
        var (weighted, squares) = (_weighted, _squares);
        foreach (var bucket in buckets)
        {
            var before = counts[bucket];
            var after = before + change;
            counts[bucket] = (ushort)after;
            double from = FeatureVector.Sublinear(before);
            double to = FeatureVector.Sublinear(after);
            weighted += weights[bucket] * (to - from);
            squares += (to * to) - (from * from);
        }

        (_weighted, _squares) = (weighted, squares);
        _held += (long)change * buckets.Length;
    }

    /// <summary>The margin of the window as it stands: weights · normalized counts + bias.</summary>
    public double Margin(float bias) =>
        (_weighted / Math.Max(Math.Sqrt(Math.Max(_squares, 0)), FeatureVector.MinimumNorm)) + bias;
}
