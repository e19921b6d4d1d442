using System.Buffers;
using System.Collections.Frozen;

namespace GoldenPath.Guardrails;

/// <summary>
/// Splits prose into sentences without a language model: terminal punctuation followed by a space, CJK full
/// stops, and line breaks (so list items stand alone). Periods in decimals, host names, abbreviations, initials
/// and list markers ("1.") do not end a sentence. Linear in the length of the text.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly SearchValues<char> s_boundaries = SearchValues.Create("\n.!?…。！？");
    private static readonly SearchValues<char> s_closers = SearchValues.Create("\"'”’»)]*_");

    private static readonly FrozenSet<string> s_abbreviations = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "cf", "fig", "figs", "nos", "vol", "approx",
        "inc", "ltd", "corp", "dept", "al", "resp", "e.g", "i.e");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_abbreviationLookup =
        s_abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The trimmed, non-empty sentences of <paramref name="text"/> as (start, length) pairs.</summary>
    public static List<(int Start, int Length)> Split(ReadOnlySpan<char> text)
    {
        // Sized for sentences of about 40 characters, so a typical answer (or streamed segment) never regrows the list.
        var sentences = new List<(int Start, int Length)>((text.Length / 40) + 4);
        var start = 0;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // Jump to the next character that can end a sentence; most characters cannot.
            var next = text[i..].IndexOfAny(s_boundaries);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = text[i];
            if (c == '\n')
            {
                Add(sentences, text, start, i);
                start = lineStart = i + 1;
                continue;
            }

            if (c is '。' or '！' or '？')
            {
                Add(sentences, text, start, i + 1);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '…')
            {
                end++;
            }

            end = SkipClosers(text, end);

            // "3.5", "example.com" and "v1.2" continue the sentence: a real end is followed by a space.
            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                i = end - 1;
                continue;
            }

            if (c == '.' && end == i + 1 && IsNonTerminalPeriod(text, lineStart, i))
            {
                continue;
            }

            Add(sentences, text, start, end);
            start = end;
            i = end - 1;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    /// <summary>Skips closing quotes, brackets and citation markers such as "[2]" that belong to the ending sentence.</summary>
    private static int SkipClosers(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length)
        {
            if (text[index] == '[' && CitationLength(text[index..]) is > 0 and var length)
            {
                index += length;
            }
            else if (s_closers.Contains(text[index]))
            {
                index++;
            }
            else
            {
                break;
            }
        }

        return index;
    }

    /// <summary>The length of a citation marker such as "[1]", "[12]" or "[doc3]" at the start of the text, or 0.</summary>
    public static int CitationLength(ReadOnlySpan<char> text)
    {
        if (text.Length < 3 || text[0] != '[')
        {
            return 0;
        }

        var close = text[1..Math.Min(text.Length, 12)].IndexOf(']');
        if (close <= 0)
        {
            return 0;
        }

        var inner = text.Slice(1, close);
        foreach (var c in inner)
        {
            if (!char.IsLetterOrDigit(c) && c is not ('-' or '_' or ',' or ' '))
            {
                return 0;
            }
        }

        // "[a]" could be a word in brackets; a citation carries a digit.
        return inner.ContainsAnyInRange('0', '9') ? close + 2 : 0;
    }

    private static bool IsNonTerminalPeriod(ReadOnlySpan<char> text, int lineStart, int period)
    {
        var wordStart = period;
        while (wordStart > lineStart && char.IsLetterOrDigit(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        if (word.IsEmpty)
        {
            return false;
        }

        // "1." or "a." opening a line is a list marker.
        if (text[lineStart..wordStart].IsWhiteSpace() && (!word.ContainsAnyExceptInRange('0', '9') || word.Length == 1))
        {
            return true;
        }

        // Initials ("J. Smith") and the inner parts of "e.g." and "i.e.".
        if ((word.Length == 1 && char.IsLetter(word[0])) || (wordStart > lineStart && text[wordStart - 1] == '.'))
        {
            return true;
        }

        return s_abbreviationLookup.Contains(word);
    }

    private static void Add(List<(int Start, int Length)> sentences, ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add((start, end - start));
        }
    }
}
