namespace GoldenPath.Guardrails;

/// <summary>
/// Defines the hashed features of folded text: character 3- and 4-grams of the text padded with a space at each
/// end (they cross word breaks, so short phrases and punctuation such as <c>&lt;|im_start|&gt;</c> count), plus
/// word unigrams and bigrams. Features are hashed with FNV-1a (32 bit), which is stable across processes and
/// platforms, so a model trained once scores the same everywhere. A window's features are the grams and words of
/// the whole text that lie inside it (see <see cref="ViewFeatures"/>); windows start and end at spaces, so that is
/// the same as featurizing the window as a text of its own.
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

    /// <summary>Adds the counts of every feature of <paramref name="window"/>, read as a text of its own, to <paramref name="vector"/>.</summary>
    public static void Featurize(ReadOnlySpan<char> window, FeatureVector vector)
    {
        var features = new ViewFeatures();
        features.Load(window);
        features.AddTo(0, window.Length, vector);
    }

    /// <summary>
    /// The buckets of the character grams of <c>" " + text + " "</c>: <paramref name="grams3"/>[p] is the 3-gram and
    /// <paramref name="grams4"/>[p] the 4-gram that start at position p of the padded text, so text[p - 1] is their
    /// first character. There are text.Length 3-grams and text.Length - 1 4-grams.
    /// </summary>
    public static void CharacterGrams(ReadOnlySpan<char> text, Span<int> grams3, Span<int> grams4)
    {
        var length = text.Length;
        if (length == 0)
        {
            return;
        }

        var first = ' ';
        var second = text[0];
        for (var p = 0; p < length; p++)
        {
            var third = p + 1 < length ? text[p + 1] : ' ';
            var hash = Step(Step(Step(CharSeed, first), second), third);
            grams3[p] = Bucket(hash);
            if (p + 1 < length)
            {
                grams4[p] = Bucket(Step(hash, p + 2 < length ? text[p + 2] : ' '));
            }

            first = second;
            second = third;
        }
    }

    /// <summary>
    /// The words of <paramref name="text"/> in order, as [start, end) with the bucket of the word and of the pair it
    /// forms with the word before it (<paramref name="pairs"/>[0] is unused). Returns the number of words; every span
    /// needs room for text.Length entries.
    /// </summary>
    public static int Words(ReadOnlySpan<char> text, Span<int> starts, Span<int> ends, Span<int> words, Span<int> pairs)
    {
        var count = 0;
        var previous = 0u;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            // The word's hash and its pair's (the previous word's hash, a separator, then this word) grow together,
            // so the word is read once.
            var start = i;
            var hash = Step(WordSeed, text[i]);
            var pair = Step(Step(previous, PairSeparator), text[i]);
            i++;
            if (!IsIdeographic(text[start]))
            {
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && !IsIdeographic(text[i]))
                {
                    hash = Step(hash, text[i]);
                    pair = Step(pair, text[i]);
                    i++;
                }
            }

            starts[count] = start;
            ends[count] = i;
            words[count] = Bucket(hash);
            pairs[count] = count > 0 ? Bucket(pair) : 0;
            previous = hash;
            count++;
        }

        return count;
    }

    /// <summary>Kana and CJK ideographs: scripts written without spaces, where one character is the useful word unit.</summary>
    private static bool IsIdeographic(char c) =>
        c is (>= '\u3040' and <= '\u30ff') or (>= '\u3400' and <= '\u4dbf') or (>= '\u4e00' and <= '\u9fff') or (>= '\uf900' and <= '\ufaff');

    private static uint Step(uint hash, char c) => (hash ^ c) * Prime;

    // FNV's low bits mix poorly; fold the high half in before masking.
    private static int Bucket(uint hash) => (int)((hash ^ (hash >> BucketBits)) & ((1u << BucketBits) - 1));
}
