using System.Globalization;
using System.Text;

namespace GoldenPath.Retrieval;

/// <summary>
/// Splits text into words (runs of letters, digits and combining marks, NFKC-normalized and lower-cased) and hashes
/// every window of <see cref="Size"/> consecutive words, keeping each word's position in the original text.
/// </summary>
/// <remarks>
/// The hashes are persisted by the PostgreSQL store, so the function must never change: FNV-1a over UTF-16 code units
/// per word, then a SplitMix64 finalizer folded over the window's words in order.
/// </remarks>
internal static class TextShingles
{
    /// <summary>Words per shingle: long enough that common phrases and boilerplate fragments do not match by accident.</summary>
    internal const int Size = 8;

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;
    private const ulong WindowSeed = 0x9E37_79B9_7F4A_7C15;

    /// <summary>The words of <paramref name="text"/> and the hash of each window starting at word <c>i</c>.</summary>
    internal static ShingledText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<WordSpan>();
        var wordHashes = new List<ulong>();
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (!IsWordAt(span, i, out var consumed, out _))
            {
                i += consumed;
                continue;
            }

            var start = i;
            var ascii = true;
            while (i < span.Length && IsWordAt(span, i, out consumed, out var rune))
            {
                ascii &= rune.IsAscii;
                i += consumed;
            }

            words.Add(new WordSpan(start, i));
            wordHashes.Add(ascii ? HashAscii(span[start..i]) : HashFolded(span[start..i]));
        }

        var hashes = new ulong[Math.Max(0, words.Count - Size + 1)];
        for (var w = 0; w < hashes.Length; w++)
        {
            var hash = WindowSeed;
            for (var k = 0; k < Size; k++)
            {
                hash = Mix(hash ^ wordHashes[w + k]);
            }

            hashes[w] = hash;
        }

        return new ShingledText(words, hashes);
    }

    /// <summary>The distinct window hashes of several texts, each text windowed on its own.</summary>
    internal static ulong[] DistinctHashes(IEnumerable<string> texts)
    {
        var distinct = new HashSet<ulong>();
        foreach (var text in texts)
        {
            distinct.UnionWith(Of(text).Hashes);
        }

        return [.. distinct];
    }

    private static bool IsWordAt(ReadOnlySpan<char> text, int index, out int consumed, out Rune rune)
    {
        // A lone surrogate decodes as U+FFFD with one code unit consumed, which is not a word character.
        Rune.DecodeFromUtf16(text[index..], out rune, out consumed);
        return Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune)
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static ulong HashAscii(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            hash = (hash ^ (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c)) * FnvPrime;
        }

        return Mix(hash);
    }

    // Rare path: compatibility forms (ligatures, full-width letters) and decomposed accents fold to one spelling.
    private static ulong HashFolded(ReadOnlySpan<char> word)
    {
        var folded = new string(word).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var hash = FnvOffset;
        foreach (var c in folded)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return Mix(hash);
    }

    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58_476D_1CE4_E5B9;
        value = (value ^ (value >> 27)) * 0x94D0_49BB_1331_11EB;
        return value ^ (value >> 31);
    }
}
