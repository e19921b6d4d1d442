namespace GoldenPath.Guardrails;

/// <summary>
/// Turns a word into a 64-bit key for comparing texts by subject matter: lower case, straight apostrophes,
/// light suffix stemming so "refunds", "refunded" and "refund" share a key. Function words have no key.
/// Keys are compared, never stored or logged, so the texts themselves do not leave the evaluation.
/// </summary>
internal static class ContentWords
{
    /// <summary>The longest word prefix that is compared; longer words are no ordinary vocabulary anyway.</summary>
    public const int MaxLength = 64;

    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Lower-cases and stems <paramref name="word"/>; false for stop words.</summary>
    /// <param name="word">One word from <see cref="WordScanner"/>.</param>
    /// <param name="skipCourtesy">Also treat courtesy words ("thanks", "hello") as stop words.</param>
    /// <param name="key">The word's key when the result is true.</param>
    public static bool TryGetKey(ReadOnlySpan<char> word, bool skipCourtesy, out ulong key)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        if (TryNormalize(word, skipCourtesy, buffer, out var length))
        {
            key = Hash(buffer[..length]);
            return true;
        }

        key = 0;
        return false;
    }

    /// <summary>Writes the lower-cased, stemmed word to <paramref name="buffer"/> (at least <see cref="MaxLength"/> long); false for stop words.</summary>
    public static bool TryNormalize(ReadOnlySpan<char> word, bool skipCourtesy, Span<char> buffer, out int length)
    {
        length = Math.Min(word.Length, MaxLength);
        var hash = OffsetBasis;
        for (var i = 0; i < length; i++)
        {
            var c = word[i];
            c = c switch
            {
                >= 'A' and <= 'Z' => (char)(c | 0x20),
                < (char)0x80 => c,
                '’' => '\'',
                _ => char.ToLowerInvariant(c),
            };
            buffer[i] = c;
            hash = (hash ^ c) * Prime;
        }

        // Function words are short; skip the lookup for long words.
        if (length <= 12 && (StopWords.IsFunctionWord(hash) || (skipCourtesy && StopWords.IsCourtesyWord(hash))))
        {
            return false;
        }

        length = Stem(buffer[..length]).Length;
        return true;
    }

    /// <summary>Strips common English inflections; both sides of every comparison are stemmed alike, so consistency matters more than linguistics.</summary>
    public static ReadOnlySpan<char> Stem(Span<char> word)
    {
        if (word.EndsWith("'s"))
        {
            word = word[..^2];
        }

        if (word.Length <= 3 || char.IsAsciiDigit(word[0]))
        {
            return word;
        }

        if (word.EndsWith("ies") && word.Length > 4)
        {
            // "companies" -> "company"
            word[^3] = 'y';
            return word[..^2];
        }

        if (word.EndsWith("sses"))
        {
            return word[..^2];
        }

        if (word.EndsWith("ing") && word.Length > 5)
        {
            word = word[..^3];
        }
        else if (word.EndsWith("ed") && word.Length > 4)
        {
            word = word[..^2];
        }
        else if (word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            word = word[..^1];
        }

        // "create", "created" and "creating" all end up as "creat".
        return word.Length > 4 && word[^1] == 'e' ? word[..^1] : word;
    }

    /// <summary>FNV-1a over the characters; deterministic across processes.</summary>
    public static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = OffsetBasis;
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}
