using Microsoft.Extensions.Logging;

namespace GoldenPath.Retrieval;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "RetrievalAclMismatch", Level = LogLevel.Critical,
        Message = "Security event: a search result from document {DocumentId} did not match the caller's ACL after ranking and was dropped (principals hash {PrincipalsHash}); the permission index is inconsistent.")]
    internal static partial void AclMismatchDropped(ILogger logger, string documentId, string principalsHash);

    /// <summary>Who (hashed) asked what (hashed) and which documents they were served, for access reviews.</summary>
    [LoggerMessage(EventId = 2, EventName = "RetrievalSearchAudit", Level = LogLevel.Information,
        Message = "Retrieval audit: principals {PrincipalsHash} searched query {QueryHash} at {Timestamp:O} and were served [{DocumentIds}].")]
    internal static partial void SearchAudit(ILogger logger, string principalsHash, string queryHash, DateTimeOffset timestamp, string documentIds);

    [LoggerMessage(EventId = 3, EventName = "RetrievalStoreRecovered", Level = LogLevel.Warning,
        Message = "Knowledge store recovery: {Detail}")]
    internal static partial void StoreRecovered(ILogger logger, string detail);

    [LoggerMessage(EventId = 4, EventName = "RetrievalChunkQuarantined", Level = LogLevel.Warning,
        Message = "Chunk {ChunkIndex} of document {DocumentId} was quarantined and not indexed: {Reason}")]
    internal static partial void ChunkQuarantined(ILogger logger, string documentId, int chunkIndex, string reason);
}
