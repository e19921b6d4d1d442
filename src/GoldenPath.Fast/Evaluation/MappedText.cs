using System.Text;

namespace GoldenPath.Fast;

/// <summary>A transformed copy of a response that remembers where each character came from, so evidence can point into the original.</summary>
internal sealed class MappedText
{
    private readonly int[] map;

    private MappedText(string text, int[] map)
    {
        Text = text;
        this.map = map;
    }

    public string Text { get; }

    public int SourceIndex(int index) => map[index];

    /// <summary>Keeps letters and digits only, which undoes spacing, dashes and line breaks inserted between characters.</summary>
    public static MappedText LettersAndDigits(string source)
    {
        var builder = new StringBuilder(source.Length);
        var map = new List<int>(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            if (char.IsLetterOrDigit(source[i]))
            {
                builder.Append(source[i]);
                map.Add(i);
            }
        }

        return new MappedText(builder.ToString(), [.. map]);
    }

    /// <summary>Collapses every whitespace run to one space, so re-wrapped text still matches.</summary>
    public static MappedText CollapsedWhitespace(string source)
    {
        var builder = new StringBuilder(source.Length);
        var map = new List<int>(source.Length);
        var inWhitespace = false;
        for (var i = 0; i < source.Length; i++)
        {
            if (char.IsWhiteSpace(source[i]))
            {
                if (!inWhitespace)
                {
                    builder.Append(' ');
                    map.Add(i);
                }

                inWhitespace = true;
                continue;
            }

            inWhitespace = false;
            builder.Append(source[i]);
            map.Add(i);
        }

        return new MappedText(builder.ToString(), [.. map]);
    }

    /// <summary>Decodes <c>%XX</c> escapes (as UTF-8) and <c>+</c>; each decoded character maps to the start of its escape run.</summary>
    public static MappedText PercentDecoded(string source)
    {
        var builder = new StringBuilder(source.Length);
        var map = new List<int>(source.Length);
        var bytes = new List<byte>();
        var i = 0;
        while (i < source.Length)
        {
            if (IsEscape(source, i))
            {
                var runStart = i;
                bytes.Clear();
                while (IsEscape(source, i))
                {
                    bytes.Add(Convert.ToByte(source.Substring(i + 1, 2), 16));
                    i += 3;
                }

                foreach (var decoded in Encoding.UTF8.GetString([.. bytes]))
                {
                    builder.Append(decoded);
                    map.Add(runStart);
                }

                continue;
            }

            builder.Append(source[i] == '+' ? ' ' : source[i]);
            map.Add(i);
            i++;
        }

        return new MappedText(builder.ToString(), [.. map]);
    }

    private static bool IsEscape(string text, int index) =>
        index < text.Length && text[index] == '%' && IsHex(text, index + 1) && IsHex(text, index + 2);

    private static bool IsHex(string text, int index) => index < text.Length && char.IsAsciiHexDigit(text[index]);
}
