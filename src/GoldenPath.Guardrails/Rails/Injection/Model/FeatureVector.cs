namespace GoldenPath.Guardrails;

/// <summary>
/// A reusable sparse vector of hashed n-gram counts. Counting goes through a small open-addressing table
/// (fits in L1 for one window) instead of a dense bucket array, so a window costs time in proportion to its
/// length, not to the number of buckets. <see cref="Normalize"/> turns counts into sublinear term frequencies
/// scaled to unit length, or less for very short texts (see <see cref="MinimumNorm"/>).
/// </summary>
internal sealed class FeatureVector
{
    /// <summary>
    /// The smallest length a vector is divided by. Unit-length scaling lets a two-word text put all its weight on
    /// a couple of features, so one unlucky word gave "reverse" or "filter" a margin no real attack reached; a floor
    /// keeps short texts from scoring more confidently than the evidence in them allows. About a 60-character text
    /// reaches it. Chosen by cross-validation on the train split.
    /// </summary>
    public const float MinimumNorm = 12f;

    private static readonly float[] s_sublinear = BuildSublinear();

    private int[] _slots = new int[2048];
    private int[] _usedSlots = new int[1024];
    private int[] _indices = new int[1024];
    private float[] _values = new float[1024];
    private int _mask = 2047;

    public FeatureVector()
    {
        Array.Fill(_slots, -1);
    }

    public int Count { get; private set; }

    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);

    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    /// <summary>Clears the vector and makes room for up to <paramref name="features"/> distinct features.</summary>
    public void Reset(int features)
    {
        for (var i = 0; i < Count; i++)
        {
            _slots[_usedSlots[i]] = -1;
        }

        Count = 0;
        if (features * 2 > _slots.Length)
        {
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(features * 2));
            _slots = new int[size];
            Array.Fill(_slots, -1);
            _mask = size - 1;
            _usedSlots = new int[size / 2];
            _indices = new int[size / 2];
            _values = new float[size / 2];
        }
    }

    /// <summary>Counts <paramref name="bucket"/> <paramref name="count"/> times.</summary>
    public void Add(int bucket, int count = 1)
    {
        var slot = (int)((uint)bucket * 2654435769u) & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry < 0)
            {
                _slots[slot] = Count;
                _usedSlots[Count] = slot;
                _indices[Count] = bucket;
                _values[Count] = count;
                Count++;
                return;
            }

            if (_indices[entry] == bucket)
            {
                _values[entry] += count;
                return;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Replaces each count by 1 + ln(count) and divides the vector by its length, at least <see cref="MinimumNorm"/>.</summary>
    public void Normalize()
    {
        var values = _values.AsSpan(0, Count);
        var sumOfSquares = 0f;
        for (var i = 0; i < values.Length; i++)
        {
            var count = (int)values[i];
            var value = Sublinear(count);
            values[i] = value;
            sumOfSquares += value * value;
        }

        if (sumOfSquares > 0)
        {
            var scale = 1 / MathF.Max(MathF.Sqrt(sumOfSquares), MinimumNorm);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= scale;
            }
        }
    }

    /// <summary>The features sorted by bucket, as a sparse vector format expects.</summary>
    public (int[] Indices, float[] Values) ToSorted()
    {
        var indices = Indices.ToArray();
        var values = Values.ToArray();
        Array.Sort(indices, values);
        return (indices, values);
    }

    /// <summary>1 + ln(count), and 0 for no occurrence: how much a feature counted <paramref name="count"/> times weighs.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static float Sublinear(int count) =>
        (uint)count < (uint)s_sublinear.Length ? s_sublinear[count] : 1 + MathF.Log(count);

    // A sliding window (SlidingWindow) looks a count up twice per feature it moves: a table covers any window's counts.
    private static float[] BuildSublinear()
    {
        var table = new float[4096];
        for (var i = 1; i < table.Length; i++)
        {
            table[i] = 1 + MathF.Log(i);
        }

        return table;
    }
}
