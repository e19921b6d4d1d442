using GoldenPath.Retrieval;
using Microsoft.Extensions.Options;

namespace RagChatbot._1.Api.Knowledge;

/// <summary>
/// Ingests the document folder at startup. Documents without an ACL are rejected (deny by default) and logged with
/// their file and reason; the service still starts, so one bad file cannot take the assistant down, but that file
/// is never searchable. Unchanged documents are recognised by their content hash and not re-embedded.
/// </summary>
internal sealed partial class KnowledgeIngestion(IKnowledgeStore store, IOptions<KnowledgeOptions> options, ILogger<KnowledgeIngestion> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.Path, AppContext.BaseDirectory);
        var report = DocumentReader.ReadDirectory(folder);
        foreach (var rejected in report.Rejected)
        {
            LogRejected(logger, rejected.Source, rejected.Line, rejected.Reason);
        }

        foreach (var document in report.Accepted)
        {
            await store.UpsertAsync(document, cancellationToken);
        }

        LogLoaded(logger, report.Accepted.Count, report.Rejected.Count, folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {Source} (line {Line}) was rejected and is not searchable: {Reason}")]
    private static partial void LogRejected(ILogger logger, string source, int? line, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base loaded: {Accepted} documents ingested, {Rejected} rejected, from {Folder}")]
    private static partial void LogLoaded(ILogger logger, int accepted, int rejected, string folder);
}
