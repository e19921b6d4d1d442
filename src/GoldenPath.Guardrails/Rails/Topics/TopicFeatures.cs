namespace GoldenPath.Guardrails;

/// <summary>
/// Hashed binary features of a text for topic similarity: each content word (stemmed, function words removed)
/// and each character trigram of it, so "symptom" still meets "symptoms" and a misspelling keeps most of its
/// features. Features are bucket numbers in a fixed space; the rare collision only nudges a similarity.
/// </summary>
internal static class TopicFeatures
{
    public const int Bits = 14;
    public const int Space = 1 << Bits;
    private const ulong WordWeight = 3;

    /// <summary>The number of <see cref="ulong"/> words of a bitset over the feature space.</summary>
    public const int SetWords = Space / 64;

    /// <summary>
    /// Adds each distinct feature of <paramref name="text"/> to <paramref name="features"/>, using
    /// <paramref name="seen"/> (a bitset of <see cref="SetWords"/> words) to skip repeats.
    /// Call <see cref="Reset"/> before reusing the bitset.
    /// </summary>
    public static void Collect(ReadOnlySpan<char> text, Span<ulong> seen, List<int> features)
    {
        Span<char> buffer = stackalloc char[ContentWords.MaxLength];
        var words = new WordScanner(text);
        while (words.MoveNext())
        {
            if (!ContentWords.TryNormalize(words.Current, skipCourtesy: true, buffer, out var length))
            {
                continue;
            }

            var word = buffer[..length];
            // A shared whole word says more than a shared trigram; three features give it that weight.
            var wordHash = ContentWords.Hash(word);
            for (var copy = 1UL; copy <= WordWeight; copy++)
            {
                Add(Bucket(wordHash ^ (0x9E3779B97F4A7C15UL * copy)), seen, features);
            }

            // Trigrams over "^word$" so the start and end of a word weigh as features of their own.
            for (var i = -1; i + 2 <= length; i++)
            {
                var a = i < 0 ? '^' : word[i];
                var b = word[i + 1];
                var c = i + 2 < length ? word[i + 2] : '$';
                Add(Bucket(((ulong)a << 32) ^ ((ulong)b << 16) ^ c ^ 0xC2B2AE3D27D4EB4FUL), seen, features);
            }
        }
    }

    /// <summary>Clears the bits of <paramref name="features"/> and the list, cheaper than clearing the whole set.</summary>
    public static void Reset(Span<ulong> seen, List<int> features)
    {
        foreach (var bucket in features)
        {
            seen[bucket >> 6] = 0;
        }

        features.Clear();
    }

    private static void Add(int bucket, Span<ulong> seen, List<int> features)
    {
        ref var word = ref seen[bucket >> 6];
        var bit = 1UL << (bucket & 63);
        if ((word & bit) == 0)
        {
            word |= bit;
            features.Add(bucket);
        }
    }

    private static int Bucket(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return (int)(hash & (Space - 1));
    }
}
