namespace GoldenPath.Guardrails;

/// <summary>Every word n-gram of one text, by hash, with all positions where each occurs.</summary>
internal sealed class NGramIndex
{
    private const int FilterBits = 1 << 14;

    private readonly Dictionary<ulong, int> _first;
    private readonly int[] _next;

    // Most n-grams of an answer are not in the prompt; one bit test rejects them before the dictionary.
    private readonly ulong[] _filter = new ulong[FilterBits / 64];

    /// <param name="words">Word hashes; only the first <paramref name="wordCount"/> are used.</param>
    /// <param name="wordCount">The number of words in <paramref name="words"/>.</param>
    /// <param name="n">The number of words per n-gram.</param>
    public NGramIndex(ulong[] words, int wordCount, int n)
    {
        var count = Math.Max(0, wordCount - n + 1);
        _first = new Dictionary<ulong, int>(count);
        _next = new int[count];

        // Insert from the end so each chain runs in ascending position order.
        for (var i = count - 1; i >= 0; i--)
        {
            var hash = Hash(words, i, n);
            _next[i] = _first.TryGetValue(hash, out var later) ? later : -1;
            _first[hash] = i;
            var bit = (int)(hash >> 50);
            _filter[bit >> 6] |= 1UL << (bit & 63);
        }
    }

    /// <summary>The first position of the n-gram, or -1.</summary>
    public int Find(ulong hash)
    {
        var bit = (int)(hash >> 50);
        return (_filter[bit >> 6] & (1UL << (bit & 63))) != 0 && _first.TryGetValue(hash, out var at) ? at : -1;
    }

    /// <summary>The next position of the same n-gram after <paramref name="position"/>, or -1.</summary>
    public int Next(int position) => _next[position];

    public static ulong Hash(ulong[] words, int start, int n)
    {
        var hash = 0UL;
        for (var i = start; i < start + n; i++)
        {
            hash = (hash * 1_000_003UL) ^ words[i];
        }

        return hash;
    }
}
