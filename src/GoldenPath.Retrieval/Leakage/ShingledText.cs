namespace GoldenPath.Retrieval;

/// <summary>A text's words and the hash of the <see cref="TextShingles.Size"/>-word window starting at each word.</summary>
internal sealed record ShingledText(IReadOnlyList<WordSpan> Words, ulong[] Hashes)
{
    /// <summary>
    /// Merges runs of consecutive restricted windows into answer spans. <paramref name="restrictedDocuments"/> gives, for
    /// a window index, the restricted documents holding it, or <see langword="null"/> when it is not a match. A run is
    /// attributed to the document holding most of its windows (ties: the ordinally first id).
    /// </summary>
    internal IReadOnlyList<RestrictedTextMatch> Runs(Func<int, IReadOnlyList<string>?> restrictedDocuments)
    {
        var matches = new List<RestrictedTextMatch>();
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        var runStart = -1;
        for (var i = 0; i <= Hashes.Length; i++)
        {
            var documents = i < Hashes.Length ? restrictedDocuments(i) : null;
            if (documents is null || documents.Count == 0)
            {
                if (runStart >= 0)
                {
                    var start = Words[runStart].Start;
                    var end = Words[i - 1 + TextShingles.Size - 1].End;
                    matches.Add(new RestrictedTextMatch(start, end - start, Attribution(votes)));
                    votes.Clear();
                    runStart = -1;
                }

                continue;
            }

            if (runStart < 0)
            {
                runStart = i;
            }

            foreach (var document in documents)
            {
                votes[document] = votes.GetValueOrDefault(document) + 1;
            }
        }

        return matches.AsReadOnly();
    }

    private static string Attribution(Dictionary<string, int> votes)
    {
        string? best = null;
        var bestVotes = 0;
        foreach (var (document, count) in votes)
        {
            if (count > bestVotes || (count == bestVotes && string.CompareOrdinal(document, best) < 0))
            {
                (best, bestVotes) = (document, count);
            }
        }

        return best!;
    }
}
