using Microsoft.ML.Tokenizers;

namespace GoldenPath.Retrieval;

/// <summary>
/// Counts and cuts text in o200k_base tokens, the encoding of current OpenAI chat models, so a chunk limit means the
/// same thing as the model's context budget.
/// </summary>
internal static class ChunkTokens
{
    private static readonly Lazy<Tokenizer> s_tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    internal static int Count(string text) => s_tokenizer.Value.CountTokens(text);

    /// <summary>
    /// Cuts <paramref name="text"/> into windows of at most <paramref name="size"/> tokens, each starting about
    /// <paramref name="overlap"/> tokens before the previous one ended. Cuts move back (at most half a window) to the
    /// nearest word start, so a word split into several tokens is never cut in two.
    /// </summary>
    internal static IEnumerable<string> Windows(string text, int size, int overlap)
    {
        var tokens = s_tokenizer.Value.EncodeToTokens(text, out _);
        var count = tokens.Count;
        var start = 0;
        while (start < count)
        {
            var end = Math.Min(start + size, count);
            if (end < count)
            {
                for (var j = end; j > start + (size / 2); j--)
                {
                    if (StartsWord(j))
                    {
                        end = j;
                        break;
                    }
                }
            }

            var from = tokens[start].Offset.Start.GetOffset(text.Length);
            var to = tokens[end - 1].Offset.End.GetOffset(text.Length);
            if (to > from)
            {
                yield return text[from..to].Trim();
            }

            if (end == count)
            {
                yield break;
            }

            var next = Math.Max(end - overlap, start + 1);
            for (var j = next; j < end; j++)
            {
                if (StartsWord(j))
                {
                    next = j;
                    break;
                }
            }

            start = next;
        }

        bool StartsWord(int index)
        {
            var offset = tokens[index].Offset.Start.GetOffset(text.Length);
            return offset < text.Length && char.IsWhiteSpace(text[offset]);
        }
    }
}
