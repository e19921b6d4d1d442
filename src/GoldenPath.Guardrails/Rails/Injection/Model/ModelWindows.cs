namespace GoldenPath.Guardrails;

/// <summary>
/// Where the model looks. A linear model scores a long text as the average of its parts, so an instruction
/// after pages of filler would be diluted away: the text is cut into overlapping windows, each scored alone.
/// Windows start and end at word breaks when one is near, so edges do not produce half-word n-grams.
/// </summary>
internal static class ModelWindows
{
    /// <summary>ROT13 and reversed copies double the work, and hidden payloads are short: only short texts get them.</summary>
    public const int MaxTransformedViewLength = 2048;

    private const int Snap = 16;

    /// <summary>The folded text, every decoded payload, then the ROT13 and reversed texts when the text is short.</summary>
    public static IEnumerable<TextView> Views(NormalizedText text)
    {
        yield return text.Folded;
        foreach (var decoded in text.DecodedViews)
        {
            yield return decoded;
        }

        if (text.Folded.Text.Length <= MaxTransformedViewLength)
        {
            yield return text.Rot13View;
            yield return text.ReversedView;
        }
    }

    /// <summary>The (start, length) of every window of <paramref name="text"/>.</summary>
    public static IEnumerable<(int Start, int Length)> Ranges(ReadOnlyMemory<char> text, int windowLength, int stride)
    {
        var length = text.Length;
        if (length <= windowLength)
        {
            yield return (0, length);
            yield break;
        }

        for (var start = 0; ; start += stride)
        {
            var last = start + windowLength >= length;
            var from = last ? length - windowLength : start;
            var to = from + windowLength;
            var span = text.Span;
            if (from > 0)
            {
                var space = span.Slice(from, Snap).IndexOf(' ');
                from += space + 1;
            }

            if (to < length)
            {
                var space = span.Slice(to - Snap, Snap).LastIndexOf(' ');
                to = space < 0 ? to : to - Snap + space;
            }

            yield return (from, to - from);
            if (last)
            {
                yield break;
            }
        }
    }
}
