using GoldenPath.Retrieval;
using Microsoft.Extensions.Options;

namespace RagChatbot._1.Api.Knowledge;

public static partial class KnowledgeBaseExtensions
{
    /// <summary>
    /// Loads the document folder into the embedded, permission-aware index at startup. Documents without an ACL
    /// are rejected (deny by default) and logged with their file and reason; the service still starts, so one
    /// bad file cannot take the assistant down, but it is never searchable.
    /// </summary>
    public static TBuilder AddKnowledgeBase<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName);
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Knowledge");
            var folder = System.IO.Path.GetFullPath(options.Path, AppContext.BaseDirectory);

            var report = DocumentReader.ReadDirectory(folder);
            foreach (var rejected in report.Rejected)
            {
                LogRejected(logger, rejected.Source, rejected.Line, rejected.Reason);
            }

            var index = new KnowledgeIndex(new HashingEmbedder());
            foreach (var document in report.Accepted)
            {
                index.Upsert(document);
            }

            LogLoaded(logger, report.Accepted.Count, report.Rejected.Count, folder);
            return index;
        });
        return builder;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {Source} (line {Line}) was rejected and is not searchable: {Reason}")]
    private static partial void LogRejected(ILogger logger, string source, int? line, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base loaded: {Accepted} documents indexed, {Rejected} rejected, from {Folder}")]
    private static partial void LogLoaded(ILogger logger, int accepted, int rejected, string folder);
}
