using System.Buffers;

namespace GoldenPath.Guardrails.Tests;

public sealed class CharacterRunsTests
{
    private static readonly SearchValues<char> s_letters = SearchValues.Create("ab");

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(16)]
    public void Find_returns_every_maximal_run_at_least_the_minimum_long(int minLength)
    {
        var random = new Random(minLength);
        for (var round = 0; round < 500; round++)
        {
            // Long runs are rare in random text; bias towards the alphabet so runs near the minimum occur.
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => random.Next(10) < 8 ? "ab"[random.Next(2)] : " -é"[random.Next(3)])]);

            Assert.Equal(Naive(text, minLength), CharacterRuns.Find(text, s_letters, minLength).ToList());
        }
    }

    private static List<(int Start, int Length)> Naive(string text, int minLength)
    {
        var runs = new List<(int Start, int Length)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inside = i < text.Length && text[i] is 'a' or 'b';
            if (inside && start < 0)
            {
                start = i;
            }
            else if (!inside && start >= 0)
            {
                if (i - start >= minLength)
                {
                    runs.Add((start, i - start));
                }

                start = -1;
            }
        }

        return runs;
    }
}
