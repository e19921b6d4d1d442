namespace GoldenPath.Retrieval;

/// <summary>One chunk served to a caller who may read its document.</summary>
/// <param name="DocumentId">The document the chunk belongs to; cite it.</param>
/// <param name="Title">The document title.</param>
/// <param name="Text">The chunk text.</param>
/// <param name="Score">Reciprocal-rank fusion score; only comparable within one search.</param>
public sealed record RetrievedPassage(string DocumentId, string Title, string Text, double Score)
{
    /// <summary>Why the chunk screen flagged this chunk at ingestion; <see langword="null"/> when it was allowed.</summary>
    public string? FlagReason { get; init; }

    public bool IsFlagged => FlagReason is not null;
}
