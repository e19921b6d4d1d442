namespace GoldenPath.Retrieval;

/// <summary>
/// A permission-aware store of document chunks. Every implementation filters by the caller's principals before
/// ranking, re-checks results afterwards, and never returns a chunk outside the caller's permissions.
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>Embedding dimensions the store was created with; inputs of another size are rejected.</summary>
    int Dimensions { get; }

    /// <summary>Adds or replaces a document and all its chunks; a changed ACL takes effect on the next search.</summary>
    Task UpsertAsync(AclDocument document, CancellationToken cancellationToken = default);

    /// <summary>Removes a document and all its chunks; false when it was not there.</summary>
    Task<bool> RemoveAsync(string documentId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, PrincipalSet principals, int top, CancellationToken cancellationToken = default);

    /// <summary>May a caller with these principals read this document? False for unknown documents.</summary>
    Task<bool> CanReadAsync(PrincipalSet principals, string documentId, CancellationToken cancellationToken = default);
}
