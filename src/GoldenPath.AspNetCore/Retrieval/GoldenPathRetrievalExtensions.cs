using GoldenPath.AspNetCore.Guardrails;
using GoldenPath.Guardrails;
using GoldenPath.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Retrieval;

public static class GoldenPathRetrievalExtensions
{
    public const string SectionName = "GoldenPath:Retrieval";

    /// <summary>
    /// Registers <see cref="GuardrailsChunkScreen"/> as the <see cref="IChunkScreen"/>, and a <see cref="KnowledgeIndex"/>
    /// (also as <see cref="IKnowledgeStore"/>) that uses it, persisted to <c>GoldenPath:Retrieval:StoreDirectory</c> when
    /// set. An index or store registered earlier is kept. Adds the guardrails when they are not registered yet, and an
    /// <see cref="IRestrictedContentProbeFactory"/> over the store for <see cref="GuardrailRequest.RestrictedContent"/>.
    /// </summary>
    /// <remarks>
    /// Both stores embed with the registered <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (the model provider's,
    /// see <c>AddGoldenPathChatClient</c>), or with an offline <see cref="HashingEmbedder"/> when none is registered, and
    /// expect <c>GoldenPath:Retrieval:Dimensions</c> (default 384) per vector: a model of another size fails with the fix.
    /// </remarks>
    public static TBuilder AddGoldenPathRetrieval<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.Any(service => service.ServiceType == typeof(GuardrailPolicyStore)))
        {
            builder.AddGoldenPathGuardrails();
        }

        builder.Services.AddOptions<RetrievalOptions>().BindConfiguration(SectionName);
        builder.Services.TryAddSingleton<IChunkScreen, GuardrailsChunkScreen>();
        builder.Services.TryAddSingleton(services =>
        {
            var retrieval = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var options = new KnowledgeIndexOptions
            {
                Dimensions = retrieval.Dimensions,
                ChunkScreen = services.GetRequiredService<IChunkScreen>(),
                Logger = services.GetRequiredService<ILogger<KnowledgeIndex>>(),
                TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System,
            };
            var generator = EmbeddingGenerator(services, retrieval);
            return string.IsNullOrWhiteSpace(retrieval.StoreDirectory)
                ? new KnowledgeIndex(generator, options)
                : KnowledgeIndex.Open(retrieval.StoreDirectory, generator, options);
        });
        // Chosen when first resolved, not while registering, so configuration layered on later (tests, hosts) counts.
        builder.Services.TryAddSingleton(services => CreatePostgresStore(services));
        builder.Services.TryAddSingleton<IKnowledgeStore>(services =>
            services.GetRequiredService<IOptions<RetrievalOptions>>().Value.Store is KnowledgeStoreKind.Postgres
                ? services.GetRequiredService<PostgresKnowledgeStore>()
                : services.GetRequiredService<KnowledgeIndex>());
        builder.Services.TryAddSingleton<IRestrictedContentProbeFactory, RestrictedContentProbeFactory>();
        builder.Services.AddHostedService<PostgresSchemaInitializer>();
        return builder;
    }

    /// <summary>The PostgreSQL store; a missing connection string stops startup with the fix.</summary>
    private static PostgresKnowledgeStore CreatePostgresStore(IServiceProvider services)
    {
        var retrieval = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var name = retrieval.ConnectionStringName;
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{SectionName}:Store is Postgres but ConnectionStrings:{name} is not set. Reference a database from the AppHost, " +
                $"or set it with `dotnet user-secrets set \"ConnectionStrings:{name}\" \"Host=...;Database=...\"` or the environment variable ConnectionStrings__{name}.");
        }

        return PostgresKnowledgeStore.Create(
            connectionString,
            new PostgresStoreOptions
            {
                ChunkScreen = services.GetRequiredService<IChunkScreen>(),
                Dimensions = retrieval.Dimensions,
                EmbeddingGenerator = EmbeddingGenerator(services, retrieval),
            },
            services.GetRequiredService<ILoggerFactory>().CreateLogger<PostgresKnowledgeStore>());
    }

    private static IEmbeddingGenerator<string, Embedding<float>> EmbeddingGenerator(IServiceProvider services, RetrievalOptions retrieval) =>
        services.GetService<IEmbeddingGenerator<string, Embedding<float>>>() ?? new HashingEmbedder(retrieval.Dimensions);
}
