namespace GoldenPath.Guardrails;

/// <summary>Builds a <see cref="TextView"/> one character at a time, each tagged with its raw span.</summary>
/// <remarks>
/// Most characters come from exactly one raw character, so the end of each span is only stored once a character
/// does not (a decoded escape, an NFKC expansion): until then it is its start plus one.
/// </remarks>
internal sealed class MappedTextBuilder(int capacity)
{
    private char[] _chars = new char[Math.Max(capacity, 16)];
    private int[] _starts = new int[Math.Max(capacity, 16)];
    private int[]? _ends;

    public int Length { get; private set; }

    public char this[int index] => _chars[index];

    /// <summary>The characters appended so far.</summary>
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);

    public int StartAt(int index) => _starts[index];

    public int EndAt(int index) => _ends is null ? _starts[index] + 1 : _ends[index];

    public void Append(char c, int rawStart, int rawEnd)
    {
        if (Length == _chars.Length)
        {
            var size = _chars.Length * 2;
            Array.Resize(ref _chars, size);
            Array.Resize(ref _starts, size);
            if (_ends is not null)
            {
                Array.Resize(ref _ends, size);
            }
        }

        if (_ends is null && rawEnd != rawStart + 1)
        {
            _ends = new int[_starts.Length];
            for (var i = 0; i < Length; i++)
            {
                _ends[i] = _starts[i] + 1;
            }
        }

        _chars[Length] = c;
        _starts[Length] = rawStart;
        if (_ends is not null)
        {
            _ends[Length] = rawEnd;
        }

        Length++;
    }

    /// <summary>
    /// Appends ASCII text character by character through <paramref name="fold"/>, each character pointing at its own
    /// position plus <paramref name="rawOffset"/>; with <paramref name="collapseWhitespace"/> a space that would follow
    /// a space (or start the text) is dropped.
    /// </summary>
    public void AppendAscii(ReadOnlySpan<char> text, char[] fold, int rawOffset, bool collapseWhitespace)
    {
        if (Length + text.Length > _chars.Length)
        {
            var size = Math.Max(_chars.Length * 2, Length + text.Length);
            Array.Resize(ref _chars, size);
            Array.Resize(ref _starts, size);
            if (_ends is not null)
            {
                Array.Resize(ref _ends, size);
            }
        }

        var chars = _chars;
        var starts = _starts;
        var ends = _ends;
        var length = Length;
        for (var i = 0; i < text.Length; i++)
        {
            var folded = fold[text[i]];
            if (folded == ' ' && collapseWhitespace && (length == 0 || chars[length - 1] == ' '))
            {
                continue;
            }

            chars[length] = folded;
            starts[length] = rawOffset + i;
            if (ends is not null)
            {
                ends[length] = rawOffset + i + 1;
            }

            length++;
        }

        Length = length;
    }

    public void RemoveLast() => Length--;

    public TextView ToView() => TextView.Mapped(new string(_chars, 0, Length), _starts, _ends);
}
