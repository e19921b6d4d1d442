using System.Buffers;

namespace GoldenPath.Guardrails;

/// <summary>
/// Maximal runs of characters from one alphabet, found with vectorized searches. Detectors use it instead of a
/// pattern such as <c>[A-Za-z0-9]{16,}</c>, which a regex engine retries from every letter of every word.
/// </summary>
internal static class CharacterRuns
{
    /// <summary>The (start, length) of each maximal run of <paramref name="alphabet"/> at least <paramref name="minLength"/> long.</summary>
    /// <remarks>
    /// Every run of <paramref name="minLength"/> characters covers exactly one position of the grid
    /// minLength - 1, 2 * minLength - 1, ..., so only the grid is probed and a run is grown in both directions from a
    /// probe that lands in it. Ordinary words are shorter than the runs looked for, so most of the text is never read.
    /// </remarks>
    public static IEnumerable<(int Start, int Length)> Find(string text, SearchValues<char> alphabet, int minLength)
    {
        // A maximal run is never empty, so a minimum below one means one.
        minLength = Math.Max(1, minLength);
        var searchedTo = 0;
        for (var probe = minLength - 1; probe < text.Length; probe += minLength)
        {
            if (probe < searchedTo || !alphabet.Contains(text[probe]))
            {
                continue;
            }

            // The previous run ended at a character outside the alphabet, so growing left stops before it.
            var start = probe;
            while (start > searchedTo && alphabet.Contains(text[start - 1]))
            {
                start--;
            }

            var length = text.AsSpan(probe).IndexOfAnyExcept(alphabet);
            var end = length < 0 ? text.Length : probe + length;
            searchedTo = end;
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
