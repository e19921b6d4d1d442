using System.Collections.Frozen;

namespace GoldenPath.Guardrails;

/// <summary>
/// English function words, which carry no subject matter, plus the courtesy words of chat answers
/// ("thanks", "happy to help"), which make no claim that needs a source.
/// </summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> s_function = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "either", "even", "ever", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "mine", "more", "most", "much",
        "must", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
        "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should", "so", "some", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what",
        "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "yet",
        "you", "your", "yours", "yourself", "yourselves", "don't", "doesn't", "didn't", "can't", "cannot", "won't",
        "isn't", "aren't", "wasn't", "weren't", "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'll", "it's",
        "that's", "there's", "here's", "let's", "what's", "they're", "we're", "we've", "he's", "she's", "via", "per",
        "within", "without", "across", "among", "around", "along", "like", "unless", "though", "although", "tell", "think",
        "want", "wonder");

    private static readonly FrozenSet<string> s_courtesy = FrozenSet.Create(
        StringComparer.Ordinal,
        "hello", "hi", "hey", "thanks", "thank", "welcome", "glad", "happy", "help", "helps", "helped", "helpful",
        "assist", "question", "questions", "anything", "else", "sure", "certainly", "course", "great", "hope", "today",
        "let", "know", "feel", "free", "please", "ask", "okay", "ok", "yes", "absolutely", "good", "day");

    // Looked up by the word's hash, which the caller computes anyway: one probe instead of hashing a string.
    private static readonly KeySet s_functionKeys = KeysOf(s_function);
    private static readonly KeySet s_courtesyKeys = KeysOf(s_courtesy);

    /// <param name="lowerWordHash">The <see cref="ContentWords.Hash"/> of the word in lower case with straight apostrophes.</param>
    public static bool IsFunctionWord(ulong lowerWordHash) => s_functionKeys.Contains(lowerWordHash);

    /// <param name="lowerWordHash">The <see cref="ContentWords.Hash"/> of the word in lower case with straight apostrophes.</param>
    public static bool IsCourtesyWord(ulong lowerWordHash) => s_courtesyKeys.Contains(lowerWordHash);

    private static KeySet KeysOf(FrozenSet<string> words)
    {
        var keys = new KeySet(words.Count);
        foreach (var word in words)
        {
            keys.Add(ContentWords.Hash(word));
        }

        return keys;
    }
}
