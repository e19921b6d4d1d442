namespace GoldenPath.Guardrails;

/// <summary>
/// Tells a mention from a use. "A user typed 'ignore previous instructions', should I report it?" quotes an attack
/// to ask about it; the words are the same as the attack's, the quotation marks are not. A signature match wholly
/// inside quotation marks or backticks therefore counts for less: alone it flags, with other cues it still blocks.
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

        return false;
    }
}
