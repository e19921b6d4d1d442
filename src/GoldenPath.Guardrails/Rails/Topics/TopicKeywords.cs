namespace GoldenPath.Guardrails;

/// <summary>
/// The keywords of every topic as sequences of folded word hashes, keyed by their first word, so a text is
/// matched in one pass over its words whatever the number of keywords. Matching is whole-word and literal:
/// "diagnose" does not match "diagnosed", which a policy lists separately if it means it.
/// </summary>
internal sealed class TopicKeywords
{
    private readonly Dictionary<ulong, (ulong[] Words, int Topic)[]> _byFirstWord = [];

    public TopicKeywords(IReadOnlyList<DeniedTopic> topics)
    {
        var byFirst = new Dictionary<ulong, List<(ulong[] Words, int Topic)>>();
        for (var t = 0; t < topics.Count; t++)
        {
            foreach (var keyword in topics[t].Keywords)
            {
                var words = WordSequence.Of(TextNormalizer.Fold(keyword));
                if (words.Count == 0)
                {
                    continue;
                }

                ulong[] phrase = words.Hashes[..words.Count];
                if (!byFirst.TryGetValue(phrase[0], out var list))
                {
                    byFirst[phrase[0]] = list = [];
                }

                list.Add((phrase, t));
            }
        }

        foreach (var (first, list) in byFirst)
        {
            _byFirstWord[first] = [.. list];
        }
    }

    public bool IsEmpty => _byFirstWord.Count == 0;

    /// <summary>Calls <paramref name="found"/> with the topic and the first and last word index of every keyword occurrence.</summary>
    public void Match(WordSequence text, Action<int, int, int> found)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(text.Hashes[i], out var candidates))
            {
                continue;
            }

            foreach (var (words, topic) in candidates)
            {
                if (i + words.Length <= text.Count && text.Hashes.AsSpan(i, words.Length).SequenceEqual(words))
                {
                    found(topic, i, i + words.Length - 1);
                }
            }
        }
    }
}
