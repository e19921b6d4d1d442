namespace GoldenPath.Retrieval;

/// <summary>A chunk the screen kept out of the index.</summary>
/// <param name="DocumentId">The document it belongs to.</param>
/// <param name="ChunkIndex">Zero-based position of the chunk in the document.</param>
/// <param name="Reason">Why the screen refused it.</param>
public sealed record QuarantinedChunk(string DocumentId, int ChunkIndex, string Reason)
{
    public override string ToString() => $"{DocumentId}#{ChunkIndex}: {Reason}";
}
