using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace GoldenPath.Guardrails;

/// <summary>
/// Undoes the tricks used to hide instructions and data from keyword checks. Every character of every view
/// keeps a link to the raw span it came from, so findings on a normalized view still point at the raw text.
/// </summary>
public static partial class TextNormalizer
{
    private const int MaxDecodedPayloads = 16;
    private const int MaxDecodingDepth = 3;

    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var raw = TextView.Identity(text);
        var clean = Clean(raw);
        var folded = Fold(clean);
        return new NormalizedText(raw, clean, folded, DecodePayloads(text));
    }

    /// <summary>Normalizes a short string the same way as <see cref="NormalizedText.Normalized"/>.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fold(Clean(TextView.Identity(text))).Text;
    }

    internal static TextView Clean(TextView source)
    {
        var text = source.Text;
        if (IsAlreadyClean(text))
        {
            return source;
        }

        var builder = new MappedTextBuilder(text.Length);
        Span<char> buffer = stackalloc char[32];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                builder.Append(c, source.RawStart(i), source.RawEnd(i));
                i++;
                continue;
            }

            var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var codePoint = width == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c;
            if (IsInvisible(codePoint))
            {
                i += width;
                continue;
            }

            // Normalize a base character together with its combining marks so NFKC can compose them.
            var end = i + width;
            while (end < text.Length && IsCombiningMark(text[end]))
            {
                end++;
            }

            var unit = text.AsSpan(i, end - i);
            var rawStart = source.RawStart(i);
            var rawEnd = source.RawEnd(end - 1);
            scoped ReadOnlySpan<char> normalized = unit;
            if (!unit.IsNormalized(NormalizationForm.FormKC))
            {
                normalized = unit.TryNormalize(buffer, out var written, NormalizationForm.FormKC)
                    ? buffer[..written]
                    : unit.ToString().Normalize(NormalizationForm.FormKC);
            }

            foreach (var n in normalized)
            {
                if (!IsInvisible(n))
                {
                    builder.Append(Homoglyphs.Fold(n), rawStart, rawEnd);
                }
            }

            i = end;
        }

        return builder.ToView();
    }

    /// <summary>True when cleaning would change nothing, which is the common case; avoids building a copy.</summary>
    private static bool IsAlreadyClean(string text)
    {
        var firstNonAscii = text.AsSpan().IndexOfAnyExceptInRange((char)0, (char)0x7F);
        if (firstNonAscii < 0)
        {
            return true;
        }

        foreach (var c in text.AsSpan(firstNonAscii))
        {
            if (char.IsSurrogate(c) || IsInvisible(c) || Homoglyphs.Fold(c) != c)
            {
                return false;
            }
        }

        return text.IsNormalized(NormalizationForm.FormKC);
    }

    internal static TextView Fold(TextView clean)
    {
        var mapped = FoldCharacters(clean, collapseWhitespace: true);
        if (HasSpacedLetters(mapped))
        {
            // Rare: spaced-out letters, where the width of a gap tells a word break from a letter break, so fold
            // again keeping every space and let the joining pass decide.
            return CollapseSpacing(FoldCharacters(clean, collapseWhitespace: false));
        }

        if (mapped.Length > 0 && mapped[0] == ' ')
        {
            return CollapseSpacing(mapped);
        }

        if (mapped.Length > 0 && mapped[mapped.Length - 1] == ' ')
        {
            mapped.RemoveLast();
        }

        return mapped.ToView();
    }

    private static MappedTextBuilder FoldCharacters(TextView clean, bool collapseWhitespace)
    {
        var text = clean.Text;
        var mapped = new MappedTextBuilder(text.Length);
        Span<char> buffer = stackalloc char[8];
        var fold = s_asciiFold;
        var first = 0;
        if (clean.IsIdentity)
        {
            // Most text is plain ASCII: fold it in one tight loop, then take the general path from the first other character.
            var ascii = text.AsSpan().IndexOfAnyExceptInRange((char)0, (char)0x7F);
            first = ascii < 0 ? text.Length : ascii;
            mapped.AppendAscii(text.AsSpan(0, first), fold, 0, collapseWhitespace);
        }

        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            var rawStart = clean.RawStart(i);
            var rawEnd = clean.RawEnd(i);
            if (c < 0x80)
            {
                var folded = fold[c];

                // Runs of whitespace become one space here, so the common case needs no second pass.
                if (folded != ' ' || !collapseWhitespace || (mapped.Length > 0 && mapped[mapped.Length - 1] != ' '))
                {
                    mapped.Append(folded, rawStart, rawEnd);
                }

                continue;
            }

            if (char.IsLetter(c) && !char.IsSurrogate(c)
                && new ReadOnlySpan<char>(in c).TryNormalize(buffer, out var written, NormalizationForm.FormD)
                && written > 1)
            {
                // é -> e: keep the base letter, drop the accents.
                foreach (var d in buffer[..written])
                {
                    if (!IsCombiningMark(d))
                    {
                        mapped.Append(MapCharacter(d), rawStart, rawEnd);
                    }
                }

                continue;
            }

            var other = MapCharacter(c);
            if (other != ' ' || !collapseWhitespace || (mapped.Length > 0 && mapped[mapped.Length - 1] != ' '))
            {
                mapped.Append(other, rawStart, rawEnd);
            }
        }

        return mapped;
    }

    /// <summary>True when three or more single letters are spaced out with one separator ("i g n", "i-g-n").</summary>
    private static bool HasSpacedLetters(MappedTextBuilder text)
    {
        for (var i = 0; i + 4 < text.Length; i++)
        {
            var separator = text[i + 1];
            if (text[i + 3] == separator && IsLetterSeparator(separator)
                && IsSingleLetter(text, i) && IsSingleLetter(text, i + 2) && IsSingleLetter(text, i + 4))
            {
                return true;
            }
        }

        return false;
    }

    internal static string ApplyRot13(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
                    >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
                    _ => c,
                };
            }
        });

    // Most text is ASCII: one table lookup per character instead of the general mapping.
    private static readonly char[] s_asciiFold = [.. Enumerable.Range(0, 0x80).Select(c => MapCharacter((char)c))];

    private static char MapCharacter(char c)
    {
        if (char.IsWhiteSpace(c))
        {
            return ' ';
        }

        return char.ToLowerInvariant(c) switch
        {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            '@' => 'a',
            '$' => 's',
            var lower => lower,
        };
    }

    /// <summary>Joins spaced or dashed letters ("i g n o r e", "i-g-n-o-r-e") and collapses whitespace.</summary>
    private static TextView CollapseSpacing(MappedTextBuilder source)
    {
        var length = source.Length;
        var result = new MappedTextBuilder(length);
        var lastWasSpace = true;
        var i = 0;
        while (i < length)
        {
            var c = source[i];
            if (c == ' ')
            {
                if (!lastWasSpace)
                {
                    result.Append(' ', source.StartAt(i), source.EndAt(i));
                    lastWasSpace = true;
                }

                i++;
                continue;
            }

            if (IsSingleLetter(source, i))
            {
                var last = i;
                var count = 1;

                // One separator per run, so "i-g-n-o-r-e a-l-l" keeps its word break.
                var separator = i + 1 < length ? source[i + 1] : '\0';
                while (last + 2 < length && source[last + 1] == separator && IsLetterSeparator(separator) && IsSingleLetter(source, last + 2))
                {
                    last += 2;
                    count++;
                }

                if (count >= 3)
                {
                    for (var k = i; k <= last; k += 2)
                    {
                        result.Append(source[k], source.StartAt(k), source.EndAt(k));
                    }

                    i = last + 1;
                    lastWasSpace = false;
                    continue;
                }
            }

            result.Append(c, source.StartAt(i), source.EndAt(i));
            lastWasSpace = false;
            i++;
        }

        if (result.Length > 0 && result[result.Length - 1] == ' ')
        {
            result.RemoveLast();
        }

        return result.ToView();
    }

    private static bool IsSingleLetter(MappedTextBuilder text, int index) =>
        char.IsLetter(text[index])
        && (index == 0 || !char.IsLetterOrDigit(text[index - 1]))
        && (index + 1 == text.Length || !char.IsLetterOrDigit(text[index + 1]));

    private static bool IsLetterSeparator(char c) => c is ' ' or '-' or '.' or '_' or '*';

    private static bool IsCombiningMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;

    /// <summary>Characters that render as nothing but split words for a matcher.</summary>
    internal static bool IsInvisible(int codePoint) => codePoint switch
    {
        0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x180E or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x200B and <= 0x200F => true, // zero-width space, joiners, LRM/RLM
        >= 0x202A and <= 0x202E => true, // bidi embeddings and overrides
        >= 0x2060 and <= 0x2064 => true, // word joiner, invisible operators
        >= 0x2066 and <= 0x206F => true, // bidi isolates and deprecated format characters
        >= 0xFE00 and <= 0xFE0F => true, // variation selectors
        >= 0xE0000 and <= 0xE007F => true, // tag characters, used to smuggle invisible ASCII
        >= 0xE0100 and <= 0xE01EF => true, // variation selectors supplement
        _ => false,
    };

    internal static IReadOnlyList<TextView> DecodePayloads(string text)
    {
        List<TextView>? views = null;
        DecodeInto(TextView.Identity(text), depth: 1, ref views);

        if (text.Contains('%') && PercentDecode(text) is { } percentDecoded)
        {
            (views ??= []).Add(Fold(Clean(percentDecoded)));

            // Base64 or hex inside a URL-encoded value.
            DecodeInto(percentDecoded, depth: 2, ref views);
        }

        return views ?? (IReadOnlyList<TextView>)[];
    }

    /// <summary>
    /// Decodes every encoded run of <paramref name="source"/>, then the runs inside what was decoded, down to
    /// <see cref="MaxDecodingDepth"/> layers (base64 of base64, hex of base64, ...). The number of views is capped,
    /// so deeper or wider nesting costs nothing more. Decoded views point at the outermost encoded run.
    /// </summary>
    private static void DecodeInto(TextView source, int depth, ref List<TextView>? views)
    {
        var text = source.Text;
        foreach (var (index, length) in EncodedRuns(text))
        {
            if (views is { Count: >= MaxDecodedPayloads })
            {
                return;
            }

            if (!TryDecode(text.AsSpan(index, length), out var decoded))
            {
                continue;
            }

            var raw = source.ToRaw(index, length);
            var pinned = TextView.Pinned(decoded, raw.Start, raw.End);
            (views ??= []).Add(Fold(Clean(pinned)));
            if (depth < MaxDecodingDepth)
            {
                DecodeInto(pinned, depth + 1, ref views);
            }
        }
    }

    private static bool TryDecode(ReadOnlySpan<char> run, out string decoded)
    {
        decoded = string.Empty;
        var trimmed = run.TrimEnd('=');
        var rented = ArrayPool<byte>.Shared.Rent(run.Length);
        try
        {
            int length;
            if (trimmed.Length == run.Length && run.Length % 2 == 0 && !run.ContainsAnyExcept(HexDigits))
            {
                if (Convert.FromHexString(run, rented, out _, out length) != OperationStatus.Done)
                {
                    return false;
                }
            }
            else if (!TryDecodeBase64(trimmed, rented, out length))
            {
                return false;
            }

            var bytes = rented.AsSpan(0, length);
            if (!Utf8.IsValid(bytes))
            {
                return false;
            }

            decoded = Encoding.UTF8.GetString(bytes);
            return IsMostlyPrintable(decoded);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool TryDecodeBase64(ReadOnlySpan<char> unpadded, Span<byte> destination, out int written)
    {
        written = 0;
        if (unpadded.Length % 4 == 1)
        {
            return false;
        }

        // Accept the URL-safe alphabet and missing padding, both common in tokens and URLs.
        var paddedLength = unpadded.Length + ((4 - (unpadded.Length % 4)) % 4);
        var buffer = paddedLength <= 1024 ? stackalloc char[paddedLength] : new char[paddedLength];
        for (var i = 0; i < unpadded.Length; i++)
        {
            buffer[i] = unpadded[i] switch
            {
                '-' => '+',
                '_' => '/',
                var c => c,
            };
        }

        buffer[unpadded.Length..].Fill('=');
        return Convert.TryFromBase64Chars(buffer, destination, out written);
    }

    private static bool IsMostlyPrintable(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var printable = 0;
        var letters = 0;
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            {
                printable++;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return printable >= text.Length * 0.9 && letters >= text.Length * 0.4;
    }

    /// <summary>Decodes %XX escapes (as UTF-8 where they form it), mapping each result to its escape sequence.</summary>
    private static TextView? PercentDecode(string text)
    {
        var builder = new MappedTextBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[256];
        var decodedAny = false;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsEscape(text, i))
            {
                builder.Append(text[i], i, i + 1);
                i++;
                continue;
            }

            var runStart = i;
            var count = 0;
            while (count < bytes.Length && IsEscape(text, i))
            {
                bytes[count++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 3;
            }

            var run = bytes[..count];
            var chars = Utf8.IsValid(run) ? Encoding.UTF8.GetString(run) : Encoding.Latin1.GetString(run);
            foreach (var c in chars)
            {
                builder.Append(c, runStart, i);
            }

            decodedAny = true;
        }

        return decodedAny ? builder.ToView() : null;
    }

    private static bool IsEscape(string text, int index) =>
        index + 2 < text.Length && text[index] == '%' && char.IsAsciiHexDigit(text[index + 1]) && char.IsAsciiHexDigit(text[index + 2]);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly SearchValues<char> s_encodedAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-");

    /// <summary>Runs of at least 16 base64 or hex characters, in pieces of at most 4096, the last with up to two '=' of padding.</summary>
    private static IEnumerable<(int Index, int Length)> EncodedRuns(string text)
    {
        const int MinRun = 16;
        const int MaxRun = 4096;
        foreach (var (start, length) in CharacterRuns.Find(text, s_encodedAlphabet, MinRun))
        {
            var end = start + length;
            for (var piece = start; end - piece >= MinRun; piece += MaxRun)
            {
                var pieceEnd = Math.Min(end, piece + MaxRun);
                var padding = pieceEnd == end ? CharacterRuns.Padding(text, end, '=', 2) : 0;
                yield return (piece, pieceEnd - piece + padding);
            }
        }
    }
}
