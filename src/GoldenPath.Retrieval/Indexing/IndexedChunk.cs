namespace GoldenPath.Retrieval;

/// <summary>A chunk as stored in one slot of the index, with everything lexical scoring needs precomputed.</summary>
/// <remarks>The vector lives in the <see cref="EmbeddedVectorIndex"/> slab under the same slot.</remarks>
internal sealed class IndexedChunk(string documentId, int ordinal, string title, string headingPath, string text, string? flagReason, string embeddingKey, Dictionary<string, int> termCounts, int length, IReadOnlyList<string> acl)
{
    internal string DocumentId { get; } = documentId;

    internal int Ordinal { get; } = ordinal;

    internal string Title { get; } = title;

    internal string HeadingPath { get; } = headingPath;

    internal string Text { get; } = text;

    internal string? FlagReason { get; } = flagReason;

    /// <summary>SHA-256 of the embedded text; identical chunks share one embedding.</summary>
    internal string EmbeddingKey { get; } = embeddingKey;

    internal Dictionary<string, int> TermCounts { get; } = termCounts;

    /// <summary>Number of content terms, the document length in BM25.</summary>
    internal int Length { get; } = length;

    /// <summary>The ACL used by the post-ranking re-check; settable only so tests can simulate a corrupted bitmap.</summary>
    internal IReadOnlyList<string> Acl { get; set; } = acl;
}
