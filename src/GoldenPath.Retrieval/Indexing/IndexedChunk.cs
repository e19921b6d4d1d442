namespace GoldenPath.Retrieval;

/// <summary>A chunk as stored in one slot of the index, with everything scoring needs precomputed.</summary>
internal sealed class IndexedChunk(string documentId, int ordinal, string title, string text, float[] vector, Dictionary<string, int> termCounts, int length, IReadOnlyList<string> acl)
{
    internal string DocumentId { get; } = documentId;

    internal int Ordinal { get; } = ordinal;

    internal string Title { get; } = title;

    internal string Text { get; } = text;

    internal float[] Vector { get; } = vector;

    internal Dictionary<string, int> TermCounts { get; } = termCounts;

    /// <summary>Number of content terms, the document length in BM25.</summary>
    internal int Length { get; } = length;

    /// <summary>The ACL used by the post-ranking re-check; settable only so tests can simulate a corrupted bitmap.</summary>
    internal IReadOnlyList<string> Acl { get; set; } = acl;
}
