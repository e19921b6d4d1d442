using System.Buffers;

namespace GoldenPath.Guardrails;

/// <summary>
/// Tells readable stretches of folded text from noise such as ROT13 or reversed writing, by the function words every
/// sentence of the supported languages is full of. ROT13 and reversal destroy them, so a long run of words without
/// one is worth transforming back. CJK text counts as readable: neither trick applies to it.
/// </summary>
internal static class ReadableText
{
    private const int MinRunWords = 6;

    // Two letters or more, and none whose reversal or ROT13 is itself on the list.
    private static readonly HashSet<string> s_functionWords = new(StringComparer.Ordinal)
    {
        "the", "and", "of", "to", "is", "you", "for", "that", "with", "are", "this", "your", "have", "be", "not", "can",
        "will", "what", "how", "please", "from", "my", "me", "we", "our", "was", "if", "or", "all",

        // The prepositions and modals of terse rules and procedures ("staff may book rail travel within six days"),
        // which a sentence there can be made of alone.
        "in", "it", "at", "by", "has", "may", "must", "when", "than", "their", "they", "but", "up", "into", "any",
        "which", "been", "were", "would", "should", "there", "its", "who", "more", "unless", "after", "before",
        "until", "then", "also", "only", "each", "every", "other", "such", "over", "under", "during", "where", "while",
        "le", "la", "les", "et", "des", "est", "une", "pour", "que", "dans", "vous", "je", "pas",
        "el", "los", "las", "del", "por", "para", "una", "con", "es", "mi",
        "der", "die", "das", "und", "ist", "nicht", "ich", "sie", "mit", "ein", "eine",
        "il", "che", "per", "non", "sono", "di", "gli",
        "de", "het", "een", "van", "niet", "voor", "ik", "wat",
        "do", "da", "os", "as", "um", "uma", "em", "com", "na", "no",
    };

    // A word of up to seven ASCII characters packed into one number: membership is then one hash of a ulong.
    private const int MaxPackedLength = 7;

    private static readonly HashSet<ulong> s_packedFunctionWords =
    [
        .. s_functionWords.Select(word => Pack(word) is var key and not 0
            ? key
            : throw new InvalidOperationException($"Function word '{word}' must be at most {MaxPackedLength} Latin-1 characters.")),
    ];

    private static readonly SearchValues<char> s_cjk = SearchValues.Create(
        [.. Enumerable.Range(0x3040, 0x30FF - 0x3040 + 1).Select(c => (char)c), .. Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1).Select(c => (char)c)]);

    /// <summary>
    /// The (start, length) of each run of at least <see cref="MinRunWords"/> words without a single function word.
    /// Ordinary sentences never go that long without one; a ROT13 or reversed sentence always does.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> UnreadableStretches(string folded)
    {
        // Plain ASCII text has no CJK in it; only other text needs the wide search.
        if (folded.AsSpan().ContainsAnyExceptInRange((char)0, (char)0x7F) && folded.AsSpan().ContainsAny(s_cjk))
        {
            yield break;
        }

        var runStart = -1;
        var runEnd = 0;
        var runWords = 0;
        var position = 0;
        while (position <= folded.Length)
        {
            var space = position < folded.Length ? folded.IndexOf(' ', position) : -1;
            var end = space < 0 ? folded.Length : space;
            var word = TrimPunctuation(folded.AsSpan(position, end - position));
            if (!word.IsEmpty)
            {
                if (IsFunctionWord(word))
                {
                    if (runWords >= MinRunWords)
                    {
                        yield return (runStart, runEnd - runStart);
                    }

                    runStart = -1;
                    runWords = 0;
                }
                else
                {
                    runStart = runStart < 0 ? position : runStart;
                    runEnd = end;
                    runWords++;
                }
            }

            if (space < 0)
            {
                break;
            }

            position = space + 1;
        }

        if (runWords >= MinRunWords)
        {
            yield return (runStart, runEnd - runStart);
        }
    }

    private static bool IsFunctionWord(ReadOnlySpan<char> word) =>
        word.Length <= MaxPackedLength && Pack(word) is var key && key != 0 && s_packedFunctionWords.Contains(key);

    /// <summary>The word's characters, eight bits each, under its length; 0 when it does not fit.</summary>
    private static ulong Pack(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxPackedLength)
        {
            return 0;
        }

        var key = (ulong)word.Length << 56;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] >= 0x100)
            {
                return 0;
            }

            key |= (ulong)word[i] << (8 * i);
        }

        return key;
    }

    private static ReadOnlySpan<char> TrimPunctuation(ReadOnlySpan<char> word)
    {
        var start = 0;
        var end = word.Length;
        while (start < end && IsPunctuation(word[start]))
        {
            start++;
        }

        while (end > start && IsPunctuation(word[end - 1]))
        {
            end--;
        }

        return word[start..end];
    }

    private static bool IsPunctuation(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or '(' or ')' or '[' or ']';
}
