namespace GoldenPath.Guardrails;

/// <summary>Openings of sentences in which the model declines or says it does not know: they assert nothing to ground.</summary>
internal static class Refusals
{
    private static readonly string[] s_openings =
    [
        "i'm sorry", "i am sorry", "sorry", "i apologize", "i can't", "i cannot", "i can not", "i'm not able",
        "i am not able", "i'm unable", "i am unable", "i don't know", "i do not know", "i don't have", "i do not have",
        "i'm not sure", "i am not sure", "unfortunately", "the provided context does not", "the context does not",
        "the documents do not", "the sources do not", "there is no information", "i couldn't find", "i could not find",
    ];

    public static bool IsRefusal(ReadOnlySpan<char> sentence)
    {
        Span<char> head = stackalloc char[40];
        var length = 0;
        foreach (var c in sentence)
        {
            if (length == head.Length)
            {
                break;
            }

            // Skip list bullets and quotes before the first word.
            if (length == 0 && !char.IsLetter(c))
            {
                continue;
            }

            head[length++] = c == '’' ? '\'' : char.ToLowerInvariant(c);
        }

        var opening = head[..length];
        foreach (var candidate in s_openings)
        {
            if (opening.StartsWith(candidate) && (opening.Length == candidate.Length || !char.IsLetter(opening[candidate.Length])))
            {
                return true;
            }
        }

        return false;
    }
}
