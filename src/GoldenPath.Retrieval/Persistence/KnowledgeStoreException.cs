namespace GoldenPath.Retrieval;

/// <summary>A persisted store could not be opened or written; the message names the file and what to do.</summary>
public sealed class KnowledgeStoreException : IOException
{
    public KnowledgeStoreException(string message, string path)
        : base(message) => FilePath = path;

    public KnowledgeStoreException(string message, string path, Exception innerException)
        : base(message, innerException) => FilePath = path;

    /// <summary>The file or directory at fault.</summary>
    public string FilePath { get; }
}
