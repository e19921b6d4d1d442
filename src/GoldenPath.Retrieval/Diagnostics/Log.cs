using Microsoft.Extensions.Logging;

namespace GoldenPath.Retrieval;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "RetrievalAclMismatch", Level = LogLevel.Critical,
        Message = "Security event: a search result from document {DocumentId} did not match the caller's ACL after ranking and was dropped (principals hash {PrincipalsHash}); the permission index is inconsistent.")]
    internal static partial void AclMismatchDropped(ILogger logger, string documentId, string principalsHash);
}
