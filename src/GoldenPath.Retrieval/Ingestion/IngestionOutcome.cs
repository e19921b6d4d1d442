namespace GoldenPath.Retrieval;

public enum IngestionOutcome
{
    /// <summary>The document was new.</summary>
    Added = 0,

    /// <summary>The document replaced an earlier version.</summary>
    Updated = 1,

    /// <summary>Title, content, ACL, source and classification matched the stored version; nothing was written.</summary>
    Unchanged = 2,
}
