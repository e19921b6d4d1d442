using GoldenPath.AspNetCore.Retrieval;

namespace RagChatbot._1.Api.Knowledge;

public static class KnowledgeBaseExtensions
{
    /// <summary>
    /// The permission-aware knowledge store from <c>GoldenPath.Retrieval</c> (see <c>GoldenPath:Retrieval</c>), filled
    /// from the document folder before the service takes requests.
    /// </summary>
    public static TBuilder AddKnowledgeBase<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName);
        builder.AddGoldenPathRetrieval();
        builder.Services.AddHostedService<KnowledgeIngestion>();
        return builder;
    }
}
