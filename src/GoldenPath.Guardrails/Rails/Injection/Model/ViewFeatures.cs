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
}
