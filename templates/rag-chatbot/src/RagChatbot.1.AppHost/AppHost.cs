var builder = DistributedApplication.CreateBuilder(args);
#if (UsesApiKey)

// Stored in the AppHost's user secrets (Parameters:model-api-key); never in source or appsettings.
var modelApiKey = builder.AddParameter("model-api-key", secret: true);
#endif
#if (IsAzureOpenAI)

// The resource's OpenAI-compatible endpoint, e.g. https://<resource>.openai.azure.com/openai/v1/.
var modelEndpoint = builder.AddParameter("model-endpoint");
#endif

var api = builder.AddProject<Projects.RagChatbot_1_Api>("api")
#if (UsesApiKey)
    .WithEnvironment("GoldenPath__Model__ApiKey", modelApiKey)
#endif
#if (IsAzureOpenAI)
    .WithEnvironment("GoldenPath__Model__Endpoint", modelEndpoint)
#endif
    .WithHttpHealthCheck("/health");
#if (UsesPostgres)

// PostgreSQL with pgvector runs as a container only where a container engine answers: without one, a container
// resource would hold startup forever. Elsewhere the Api reads ConnectionStrings:knowledge from its configuration.
if (ContainerEngine.IsReachable())
{
    var knowledge = builder.AddPostgres("postgres")
        .WithImage("pgvector/pgvector", "pg17")
        .WithDataVolume()
        .AddDatabase("knowledge");
    api.WithReference(knowledge).WaitFor(knowledge);
}
#endif

builder.Build().Run();
