namespace GoldenPath.Retrieval;

/// <summary>One journal entry: a document put in full, or a removal. Both are idempotent, so replay order is all that matters.</summary>
internal readonly record struct StoreRecord(string DocumentId, StoredDocument? Upsert)
{
    internal bool IsRemoval => Upsert is null;
}
