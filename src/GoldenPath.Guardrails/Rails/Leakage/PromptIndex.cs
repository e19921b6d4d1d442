using System.Runtime.CompilerServices;

namespace GoldenPath.Guardrails;

/// <summary>
/// The word n-grams of one system prompt. The prompt is usually one string shared by every request of an app,
/// and a streamed answer is checked many times per request, so the index is remembered per prompt instance
/// and n (weakly, so it goes with the string).
/// </summary>
internal sealed class PromptIndex
{
    private static readonly ConditionalWeakTable<string, PromptIndex[]> s_known = new();

    private PromptIndex(string prompt, int n)
    {
        N = n;
        var words = WordSequence.Of(TextNormalizer.Fold(prompt));
        WordCount = words.Count;
        NGrams = new NGramIndex(words.Hashes, words.Count, n);
    }

    public int N { get; }

    public int WordCount { get; }

    public NGramIndex NGrams { get; }

    public static PromptIndex For(string prompt, int n)
    {
        if (s_known.TryGetValue(prompt, out var known))
        {
            foreach (var index in known)
            {
                if (index.N == n)
                {
                    return index;
                }
            }
        }

        var built = new PromptIndex(prompt, n);
        s_known.AddOrUpdate(prompt, known is null ? [built] : [.. known, built]);
        return built;
    }
}
