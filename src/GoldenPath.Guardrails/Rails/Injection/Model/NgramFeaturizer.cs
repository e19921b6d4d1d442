namespace GoldenPath.Guardrails;

/// <summary>
/// Turns a window of folded text into hashed features: character 3- and 4-grams of the window padded with a
/// space at each end (they cross word breaks, so short phrases and punctuation such as <c>&lt;|im_start|&gt;</c>
/// count), plus word unigrams and bigrams. Features are hashed with FNV-1a (32 bit), which is stable across
/// processes and platforms, so a model trained once scores the same everywhere. One pass, no allocation.
/// </summary>
/// <remarks>
/// Word features count <see cref="WordWeight"/> times: a window has about five character grams per word, so at
/// equal weight the spelling of the topic words drowned out the phrasing ("without asking", "on my behalf") that
/// carries over to attacks worded differently. Chinese and Japanese do not separate words with spaces, so each
/// ideograph or kana is a word of its own there and the bigrams become character pairs, which is roughly what a
/// word is in those scripts; a whole run would be one word that never repeats. Both choices were made by
/// cross-validation on the train split.
/// </remarks>
internal static class NgramFeaturizer
{
    public const int BucketBits = 18;

    /// <summary>How many times each word unigram and bigram is counted.</summary>
    public const int WordWeight = 3;

    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    // Distinct starting states keep character grams, words and word pairs in separate hash families.
    private const uint CharSeed = OffsetBasis;
    private const uint WordSeed = OffsetBasis ^ 0x5bd1e995;
    private const char PairSeparator = '\u0001';

    /// <summary>
    /// An upper bound on the distinct features of a window of <paramref name="length"/> characters: two character
    /// grams per position, and up to one word (plus its bigram) per character in ideographic text.
    /// </summary>
    public static int MaxFeatures(int length) => (4 * length) + 8;

    /// <summary>Adds the counts of every feature of <paramref name="window"/> to <paramref name="vector"/>.</summary>
    public static void Featurize(ReadOnlySpan<char> window, FeatureVector vector)
    {
        AddCharacterGrams(window, vector);
        AddWords(window, vector);
    }

    private static void AddCharacterGrams(ReadOnlySpan<char> window, FeatureVector vector)
    {
        // Positions run over " " + window + " ": index -1 and window.Length are the padding spaces.
        var padded = window.Length + 2;
        for (var start = 0; start + 3 <= padded; start++)
        {
            var hash = CharSeed;
            hash = Step(hash, At(window, start - 1));
            hash = Step(hash, At(window, start));
            hash = Step(hash, At(window, start + 1));
            vector.Add(Bucket(hash));
            if (start + 4 <= padded)
            {
                vector.Add(Bucket(Step(hash, At(window, start + 2))));
            }
        }
    }

    private static void AddWords(ReadOnlySpan<char> window, FeatureVector vector)
    {
        var previous = 0u;
        var havePrevious = false;
        var i = 0;
        while (i < window.Length)
        {
            if (!char.IsLetterOrDigit(window[i]))
            {
                i++;
                continue;
            }

            var start = i++;
            if (!IsIdeographic(window[start]))
            {
                while (i < window.Length && char.IsLetterOrDigit(window[i]) && !IsIdeographic(window[i]))
                {
                    i++;
                }
            }

            var word = window[start..i];
            var hash = Hash(WordSeed, word);
            vector.Add(Bucket(hash), WordWeight);
            if (havePrevious)
            {
                vector.Add(Bucket(Hash(Step(previous, PairSeparator), word)), WordWeight);
            }

            previous = hash;
            havePrevious = true;
        }
    }

    /// <summary>Kana and CJK ideographs: scripts written without spaces, where one character is the useful word unit.</summary>
    private static bool IsIdeographic(char c) =>
        c is (>= '\u3040' and <= '\u30ff') or (>= '\u3400' and <= '\u4dbf') or (>= '\u4e00' and <= '\u9fff') or (>= '\uf900' and <= '\ufaff');

    private static char At(ReadOnlySpan<char> window, int index) =>
        (uint)index < (uint)window.Length ? window[index] : ' ';

    private static uint Hash(uint seed, ReadOnlySpan<char> text)
    {
        var hash = seed;
        foreach (var c in text)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    private static uint Step(uint hash, char c) => (hash ^ c) * Prime;

    // FNV's low bits mix poorly; fold the high half in before masking.
    private static int Bucket(uint hash) => (int)((hash ^ (hash >> BucketBits)) & ((1u << BucketBits) - 1));
}
