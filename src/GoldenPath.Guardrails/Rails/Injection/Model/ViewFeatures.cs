namespace GoldenPath.Guardrails;

/// <summary>
/// The features of one whole view, hashed once, from which any window's features follow. A long text is scored in
/// overlapping windows; featurizing each window on its own hashed every character of the overlap twice and scanned
/// every word twice. Here the buckets are computed once per view, and a window only counts the ones inside it.
/// </summary>
/// <remarks>
/// <para>
/// Counts are not summed linearly across the view, which would make every window cost a few array reads: with
/// linear counts a text that repeats one phrase ("yes yes yes …") scores like a long text made only of that phrase's
/// strongest features, and blocked. Sublinear counts (<see cref="FeatureVector.Normalize"/>) keep it bounded.
/// </para>
/// <para>
/// A window [from, to) holds the character grams of the padded view that start at from..to - 1 (3-grams) or
/// from..to - 2 (4-grams), and the words that lie wholly inside it. Windows start after a space and end before
/// one, so those are exactly the grams and words of the window padded and read as a text of its own.
/// </para>
/// </remarks>
internal sealed class ViewFeatures
{
    private int[] _grams3 = [];
    private int[] _grams4 = [];
    private int[] _wordStarts = [];
    private int[] _wordEnds = [];
    private int[] _words = [];
    private int[] _pairs = [];

    // Which entries of each array the sliding window holds now.
    private Intervals _window;

    public int Length { get; private set; }

    public int WordCount { get; private set; }

    /// <summary>Hashes every gram and word of <paramref name="text"/>.</summary>
    public void Load(ReadOnlySpan<char> text)
    {
        Length = text.Length;
        var size = Length + 1;
        if (_grams3.Length < size)
        {
            var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)size);
            _grams3 = new int[capacity];
            _grams4 = new int[capacity];
            _wordStarts = new int[capacity];
            _wordEnds = new int[capacity];
            _words = new int[capacity];
            _pairs = new int[capacity];
        }

        NgramFeaturizer.CharacterGrams(text, _grams3, _grams4);
        WordCount = NgramFeaturizer.Words(text, _wordStarts, _wordEnds, _words, _pairs);
    }

    /// <summary>Adds the counts of every feature of the window [from, to) to <paramref name="vector"/>.</summary>
    public void AddTo(int from, int to, FeatureVector vector)
    {
        for (var p = from; p < to; p++)
        {
            vector.Add(_grams3[p]);
            if (p + 1 < to)
            {
                vector.Add(_grams4[p]);
            }
        }

        var (first, last) = WordRange(from, to);
        for (var i = first; i <= last; i++)
        {
            vector.Add(_words[i], NgramFeaturizer.WordWeight);
            if (i > first)
            {
                vector.Add(_pairs[i], NgramFeaturizer.WordWeight);
            }
        }
    }

    /// <summary>Starts an empty window on the view, so the first <see cref="MoveWindow"/> counts all of it.</summary>
    public void StartWindow(SlidingWindow window, float[] modelWeights)
    {
        window.Start(modelWeights);
        _window = default;
    }

    /// <summary>
    /// Moves the window to [from, to): the features it no longer covers leave <paramref name="window"/>, the ones it
    /// now covers enter, and it then holds exactly what <see cref="AddTo"/> would add for [from, to). Moving it to an
    /// empty range at the end leaves the window's table clean for the next view.
    /// </summary>
    public void MoveWindow(SlidingWindow window, int from, int to)
    {
        var (first, last) = WordRange(from, to);
        var next = new Intervals(
            new Interval(from, to),
            new Interval(from, Math.Max(from, to - 1)),
            new Interval(first, last + 1),
            new Interval(first + 1, Math.Max(first + 1, last + 1)));
        Move(window, _window.Grams3, next.Grams3, _grams3, 1);
        Move(window, _window.Grams4, next.Grams4, _grams4, 1);
        Move(window, _window.Words, next.Words, _words, NgramFeaturizer.WordWeight);
        Move(window, _window.Pairs, next.Pairs, _pairs, NgramFeaturizer.WordWeight);
        _window = next;
    }

    /// <summary>Counts the entries of <paramref name="buckets"/> in <paramref name="next"/> and not in <paramref name="current"/>, and uncounts the reverse.</summary>
    private static void Move(SlidingWindow window, Interval current, Interval next, int[] buckets, int weight)
    {
        if (current.IsEmpty || next.IsEmpty || next.End <= current.Start || next.Start >= current.End)
        {
            Count(window, buckets, current.Start, current.End, -weight);
            Count(window, buckets, next.Start, next.End, weight);
            return;
        }

        Count(window, buckets, next.Start, current.Start, weight);
        Count(window, buckets, current.End, next.End, weight);
        Count(window, buckets, current.Start, next.Start, -weight);
        Count(window, buckets, next.End, current.End, -weight);
    }

    private static void Count(SlidingWindow window, int[] buckets, int start, int end, int change)
    {
        if (end > start)
        {
            window.Count(buckets.AsSpan(start, end - start), change);
        }
    }

    /// <summary>The first and last word wholly inside [from, to); last &lt; first when there is none.</summary>
    private (int First, int Last) WordRange(int from, int to)
    {
        var first = Array.BinarySearch(_wordStarts, 0, WordCount, from);
        first = first < 0 ? ~first : first;

        // Ends increase with the index: the last word inside is the one before the first that ends after `to`.
        var after = Array.BinarySearch(_wordEnds, 0, WordCount, to + 1);
        after = after < 0 ? ~after : after;
        return (first, after - 1);
    }

    private readonly record struct Interval(int Start, int End)
    {
        public bool IsEmpty => End <= Start;
    }

    private readonly record struct Intervals(Interval Grams3, Interval Grams4, Interval Words, Interval Pairs);
}
