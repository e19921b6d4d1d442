using System.Text;

namespace GoldenPath.Retrieval;

/// <summary>
/// Word splitting shared by the embedder, the lexical ranker and the extractive responder, so "overlap" means the
/// same thing everywhere.
/// </summary>
internal static class TextAnalyzer
{
    // Deliberately small: enough that "what is the ..." questions do not match every passage.
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could",
        "did", "do", "does", "for", "from", "get", "had", "has", "have", "he", "her", "here", "his", "how", "i", "if",
        "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "she", "should", "so", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "us", "was", "we", "were",
        "what", "when", "where", "which", "who", "whom", "why", "will", "with", "would", "you", "your",
    };

    /// <summary>NFKC-normalized, lower-cased words: maximal runs of letters and digits.</summary>
    internal static List<string> Words(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var inWord = i < normalized.Length && char.IsLetterOrDigit(normalized[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(normalized[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>Words without stop words or single letters, with plurals folded to their singular.</summary>
    internal static List<string> ContentTerms(string text)
    {
        var words = Words(text);
        var terms = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (word.Length < 2 || s_stopWords.Contains(word))
            {
                continue;
            }

            terms.Add(Stem(word));
        }

        return terms;
    }

    internal static int CountWhitespaceWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    // Plural folding only: cheap, predictable, and enough for "policies"/"policy" or "laptops"/"laptop".
    private static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}
