namespace GoldenPath.Guardrails;

/// <summary>
/// Tells a mention from a use. "A user typed 'ignore previous instructions', should I report it?" quotes an attack
/// to ask about it; the words are the same as the attack's, the quotation marks are not. A signature match wholly
/// inside quotation marks or backticks therefore counts for less: alone it flags, with other cues it still blocks.
/// Single quotes count too, but only as marks that open before a word and close after one, since the same character
/// is the apostrophe in "let's" and "don't".
/// </summary>
internal static class QuotedText
{
    /// <summary>How much of its weight a quoted match keeps.</summary>
    public const double Weight = 0.4;

    private static readonly (char Open, char Close)[] s_pairs =
    [
        ('"', '"'), ('`', '`'), ('\u201C', '\u201D'), ('\u201E', '\u201C'), ('\u00AB', '\u00BB'), ('\u300C', '\u300D'), ('\u300E', '\u300F'),
    ];

    /// <summary>True when <paramref name="text"/>[start..start+length] lies between an opening and a closing mark of one kind.</summary>
    public static bool IsQuoted(string text, int start, int length)
    {
        var before = text.AsSpan(0, start);
        var after = text.AsSpan(start + length);
        foreach (var (open, close) in s_pairs)
        {
            if (open == close)
            {
                // Symmetric marks: an odd count before the match means one is open.
                if (before.Count(open) % 2 == 1 && after.Contains(close))
                {
                    return true;
                }

                continue;
            }

            var opened = before.LastIndexOf(open);
            if (opened >= 0 && before[opened..].IndexOf(close) < 0 && after.Contains(close))
            {
                return true;
            }
        }

        return IsSingleQuoted(text, start, start + length);
    }

    /// <summary>
    /// An opening single quote (after a space or an opening bracket, before a letter) with no closing one between it
    /// and the match, and a closing one (after a letter or punctuation, before a space, punctuation or the end) after it.
    /// </summary>
    private static bool IsSingleQuoted(string text, int start, int end)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            if (!IsSingleQuote(text[i]))
            {
                continue;
            }

            if (IsClosing(text, i))
            {
                return false;
            }

            if (IsOpening(text, i))
            {
                for (var j = end; j < text.Length; j++)
                {
                    if (IsSingleQuote(text[j]) && IsClosing(text, j))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return false;
    }

    private static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019';

    private static bool IsOpening(string text, int i) =>
        (i == 0 || text[i - 1] is ' ' or '(' or '[' or ':' or '\n') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);

    private static bool IsClosing(string text, int i) =>
        i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]));
}
