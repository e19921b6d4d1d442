namespace GoldenPath.Retrieval;

/// <summary>
/// Ranks the chunks a caller may read by reciprocal-rank fusion of cosine similarity and BM25.
/// </summary>
/// <remarks>
/// BM25 statistics (chunk count, document frequencies, average length) are computed over the permitted chunks only,
/// so the order a caller sees carries no trace of documents they cannot read.
/// </remarks>
internal static class HybridRanker
{
    internal const int FusionK = 60;
    internal const double K1 = 1.2;
    internal const double B = 0.75;

    /// <summary>
    /// Chunks sharing no content word with the query are kept only at or above this cosine. With the hashing embedder,
    /// unrelated questions score up to about 0.2 against typical passages (common fragments such as "ing" or "tion"),
    /// while inflected forms of the same words ("reimbursement travelers" against "reimbursing travellers") score
    /// above 0.3. Anything sharing a content word is kept on its BM25 score.
    /// </summary>
    internal const float MinCosineWithoutLexicalOverlap = 0.3f;

    /// <param name="permitted">Every chunk the caller may read, with its cosine to the query.</param>
    /// <param name="queryTerms">Distinct content terms of the query.</param>
    internal static List<(IndexedChunk Chunk, double Score)> Rank(IReadOnlyList<(IndexedChunk Chunk, float Cosine)> permitted, IReadOnlyList<string> queryTerms)
    {
        if (permitted.Count == 0)
        {
            return [];
        }

        var averageLength = Math.Max(1.0, permitted.Average(candidate => (double)candidate.Chunk.Length));
        var idf = new double[queryTerms.Count];
        for (var t = 0; t < queryTerms.Count; t++)
        {
            var term = queryTerms[t];
            var df = permitted.Count(candidate => candidate.Chunk.TermCounts.ContainsKey(term));
            idf[t] = Math.Log(1 + ((permitted.Count - df + 0.5) / (df + 0.5)));
        }

        var scored = new List<(IndexedChunk Chunk, float Cosine, double Bm25)>();
        foreach (var (chunk, cosine) in permitted)
        {
            var bm25 = 0.0;
            for (var t = 0; t < queryTerms.Count; t++)
            {
                if (chunk.TermCounts.TryGetValue(queryTerms[t], out var tf))
                {
                    bm25 += idf[t] * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * chunk.Length / averageLength))));
                }
            }

            if (bm25 > 0 || cosine >= MinCosineWithoutLexicalOverlap)
            {
                scored.Add((chunk, cosine, bm25));
            }
        }

        var fused = new Dictionary<IndexedChunk, double>();
        var byCosine = scored.OrderByDescending(s => s.Cosine).ThenBy(s => s.Chunk, ChunkOrder.Instance).ToList();
        for (var rank = 0; rank < byCosine.Count; rank++)
        {
            fused[byCosine[rank].Chunk] = 1.0 / (FusionK + rank + 1);
        }

        var byBm25 = scored.Where(s => s.Bm25 > 0).OrderByDescending(s => s.Bm25).ThenBy(s => s.Chunk, ChunkOrder.Instance).ToList();
        for (var rank = 0; rank < byBm25.Count; rank++)
        {
            fused[byBm25[rank].Chunk] += 1.0 / (FusionK + rank + 1);
        }

        return fused
            .Select(pair => (pair.Key, pair.Value))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, ChunkOrder.Instance)
            .ToList();
    }

    /// <summary>Ties break by document id then position, never by slot, so results do not depend on upsert history.</summary>
    private sealed class ChunkOrder : IComparer<IndexedChunk>
    {
        internal static readonly ChunkOrder Instance = new();

        public int Compare(IndexedChunk? x, IndexedChunk? y)
        {
            var byId = string.CompareOrdinal(x!.DocumentId, y!.DocumentId);
            return byId != 0 ? byId : x.Ordinal.CompareTo(y.Ordinal);
        }
    }
}
