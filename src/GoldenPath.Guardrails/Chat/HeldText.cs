namespace GoldenPath.Guardrails;

/// <summary>
/// The raw text of a stream, appended chunk by chunk and read one character at a time by the boundary scan.
/// A <see cref="System.Text.StringBuilder"/> indexer walks its chunk list on every read; one growing array does not.
/// Positions are absolute (from the start of the stream), but text before <see cref="Start"/> is let go: once
/// released and past the seam it is never read again, so the array stays the size of what is held, not of the answer.
/// </summary>
internal sealed class HeldText
{
    // Room for the largest segment and its seam, so a stream in small chunks never regrows the array.
    private char[] _chars = new char[2048];

    /// <summary>How many characters were appended in all.</summary>
    public int Length { get; private set; }

    /// <summary>The position of the first character still kept.</summary>
    public int Start { get; private set; }

    /// <summary>The character at an absolute position at or after <see cref="Start"/>.</summary>
    public char this[int index] => _chars[index - Start];

    /// <summary>The characters from <see cref="Start"/> to <see cref="Length"/>; valid until the next change.</summary>
    public ReadOnlySpan<char> Kept => _chars.AsSpan(0, Length - Start);

    public void Append(string text)
    {
        var kept = Length - Start;
        if (kept + text.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, kept + text.Length));
        }

        text.CopyTo(_chars.AsSpan(kept));
        Length += text.Length;
    }

    /// <summary>The text from <paramref name="start"/> (at or after <see cref="Start"/>), <paramref name="length"/> characters long.</summary>
    public string ToString(int start, int length) => new(_chars, start - Start, length);

    /// <summary>Lets go of the text before <paramref name="position"/>; it must not be read again.</summary>
    public void DiscardBefore(int position)
    {
        if (position <= Start)
        {
            return;
        }

        _chars.AsSpan(position - Start, Length - position).CopyTo(_chars);
        Start = position;
    }
}
