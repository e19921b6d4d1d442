namespace GoldenPath.Retrieval;

/// <summary>A document as persisted: the document itself and its indexed chunks with their vectors.</summary>
internal sealed record StoredDocument(AclDocument Document, IReadOnlyList<StoredChunk> Chunks);

/// <summary>One indexed chunk as persisted; the vector is kept so reopening a store never re-embeds.</summary>
internal sealed record StoredChunk(int Ordinal, string HeadingPath, string Text, string? FlagReason, float[] Vector);
