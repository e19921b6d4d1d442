namespace GoldenPath.Guardrails;

/// <summary>
/// The raw text of a stream, appended chunk by chunk and read one character at a time by the boundary scan.
/// A <see cref="System.Text.StringBuilder"/> indexer walks its chunk list on every read; one growing array does not.
/// </summary>
internal sealed class HeldText
{
    private char[] _chars = new char[256];

    public int Length { get; private set; }

    public char this[int index] => _chars[index];

    /// <summary>The text so far; valid until the next <see cref="Append"/>.</summary>
    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Append(string text)
    {
        if (Length + text.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + text.Length));
        }

        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
    }

    public string ToString(int start, int length) => new(_chars, start, length);
}
