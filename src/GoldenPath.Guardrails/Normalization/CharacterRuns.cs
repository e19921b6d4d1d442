using System.Buffers;

namespace GoldenPath.Guardrails;

/// <summary>
/// Maximal runs of characters from one alphabet, found with vectorized searches. Detectors use it instead of a
/// pattern such as <c>[A-Za-z0-9]{16,}</c>, which a regex engine retries from every letter of every word.
/// </summary>
internal static class CharacterRuns
{
    /// <summary>The (start, length) of each maximal run of <paramref name="alphabet"/> at least <paramref name="minLength"/> long.</summary>
    public static IEnumerable<(int Start, int Length)> Find(string text, SearchValues<char> alphabet, int minLength)
    {
        var position = 0;
        while (position < text.Length)
        {
            var found = text.AsSpan(position).IndexOfAny(alphabet);
            if (found < 0)
            {
                yield break;
            }

            var start = position + found;
            var length = text.AsSpan(start).IndexOfAnyExcept(alphabet);
            var end = length < 0 ? text.Length : start + length;
            position = end;
            if (end - start >= minLength)
            {
                yield return (start, end - start);
            }
        }
    }

    /// <summary>The length of up to <paramref name="max"/> padding characters <paramref name="pad"/> at <paramref name="index"/>.</summary>
    public static int Padding(string text, int index, char pad, int max)
    {
        var count = 0;
        while (count < max && index + count < text.Length && text[index + count] == pad)
        {
            count++;
        }

        return count;
    }
}
