using System.Buffers;

namespace GoldenPath.Guardrails;

/// <summary>
/// Enumerates the words of a text: runs of letters and digits, keeping an apostrophe between letters
/// ("don't") and a point or comma between digits ("3.5", "1,000") inside the word.
/// </summary>
internal ref struct WordScanner(ReadOnlySpan<char> text)
{
    private static readonly SearchValues<char> s_asciiWord =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static readonly SearchValues<char> s_asciiOther = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiLetterOrDigit(c))));

    private readonly ReadOnlySpan<char> _text = text;
    private int _position;

    public int Start { get; private set; }

    public int Length { get; private set; }

    public readonly ReadOnlySpan<char> Current => _text.Slice(Start, Length);

    public bool MoveNext()
    {
        var text = _text;
        var i = _position;

        // Vectorized skips over ASCII; other characters take the slow, exact test.
        while (i < text.Length)
        {
            var skip = text[i..].IndexOfAnyExcept(s_asciiOther);
            i = skip < 0 ? text.Length : i + skip;
            if (i == text.Length || char.IsLetterOrDigit(text[i]))
            {
                break;
            }

            i++;
        }

        if (i == text.Length)
        {
            _position = i;
            return false;
        }

        var start = i;
        while (i < text.Length)
        {
            var run = text[i..].IndexOfAnyExcept(s_asciiWord);
            i = run < 0 ? text.Length : i + run;
            if (i == text.Length)
            {
                break;
            }

            if (char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            else if (i + 1 < text.Length && IsJoiner(text[i - 1], text[i], text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        Start = start;
        Length = i - start;
        _position = i;
        return true;
    }

    private static bool IsJoiner(char before, char c, char after) =>
        (c is '\'' or '’' && char.IsLetter(before) && char.IsLetter(after))
        || (c is '.' or ',' && char.IsAsciiDigit(before) && char.IsAsciiDigit(after));
}
