using GoldenPath.AspNetCore.Retrieval;
using GoldenPath.AspNetCore.Tests.Models;
using GoldenPath.Retrieval;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenPath.AspNetCore.Tests.Retrieval;

/// <summary>The registered stores embed with the application's embedding model.</summary>
public sealed class RetrievalEmbeddingTests
{
    private static readonly PrincipalSet s_employee = PrincipalSet.From(["user:bo", "group:employees"]);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static AclDocument Handbook() => new(
        "handbook",
        "Employee handbook",
        "# Laptops\nRequest a replacement laptop through the service desk portal.\n\n# Office hours\nThe office opens at eight and closes at six.",
        ["group:employees"],
        "handbook.md",
        "internal",
        "not-used");

    private static ServiceProvider Build(Dictionary<string, string?> settings, IEmbeddingGenerator<string, Embedding<float>>? generator)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        if (generator is not null)
        {
            builder.Services.AddSingleton(generator);
        }

        builder.AddGoldenPathRetrieval();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public async Task TheEmbeddedStoreEmbedsWithTheRegisteredGenerator()
    {
        var generator = new RecordingEmbeddingGenerator(64, declaredDimensions: null);
        await using var services = Build(new() { ["GoldenPath:Retrieval:Dimensions"] = "64" }, generator);
        var store = services.GetRequiredService<IKnowledgeStore>();

        await store.UpsertAsync(Handbook(), Token);
        var passages = await store.SearchAsync("replacement laptop", s_employee, 1, Token);

        Assert.Equal(64, store.Dimensions);
        Assert.Equal("handbook", Assert.Single(passages).DocumentId);
        var calls = generator.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Contains(calls[0], text => text.Contains("replacement laptop", StringComparison.Ordinal));
        Assert.Equal(["replacement laptop"], calls[1]);
    }

    [Fact]
    public async Task WithoutARegisteredGeneratorTheHashingEmbedderHasTheConfiguredDimensions()
    {
        await using var services = Build(new() { ["GoldenPath:Retrieval:Dimensions"] = "128" }, generator: null);
        var index = services.GetRequiredService<KnowledgeIndex>();

        index.Upsert(Handbook());

        Assert.Equal(128, index.Dimensions);
        Assert.Equal("handbook", index.Search("replacement laptop", s_employee, 1)[0].DocumentId);
    }

    [Fact]
    public async Task AModelDeclaringOtherDimensionsThanConfiguredStopsResolutionWithTheFix()
    {
        await using var services = Build([], new RecordingEmbeddingGenerator(1536, declaredDimensions: 1536));

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IKnowledgeStore>());

        Assert.Contains("built with 384 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("produced 1536", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePostgresStoreTakesTheRegisteredGeneratorAndDimensions()
    {
        await using var services = Build(
            new()
            {
                ["GoldenPath:Retrieval:Store"] = "Postgres",
                ["GoldenPath:Retrieval:Dimensions"] = "64",
                ["ConnectionStrings:knowledge"] = "Host=127.0.0.1;Port=1;Database=knowledge;Username=app;Timeout=1",
            },
            new RecordingEmbeddingGenerator(1536, declaredDimensions: 1536));

        // Resolving opens no connection, so the mismatch between model and configuration is all that can fail here.
        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IKnowledgeStore>());

        Assert.Contains("built with 64 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgresStoreOptions.Dimensions = 1536", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostedProvidersEmbeddingModelFillsTheStoreOverHttp()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        var settings = ModelTestHost.Settings(stub.Endpoint, "OpenAI");
        settings["GoldenPath:Retrieval:Dimensions"] = OpenAICompatibleStub.EmbeddingDimensions.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var app = await GoldenPathTestHost.StartAsync("Production", settings, configureBuilder: b => b.AddGoldenPathRetrieval());
        var store = app.Services.GetRequiredService<IKnowledgeStore>();

        await store.UpsertAsync(Handbook(), Token);
        var passages = await store.SearchAsync("replacement laptop", s_employee, 1, Token);

        Assert.Equal("handbook", Assert.Single(passages).DocumentId);
        var requests = stub.Requests.Where(r => r.Path.EndsWith("/embeddings", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(requests[0].Body["input"]!.AsArray().Count > 1, "all chunks of the document go in one request");
        Assert.Equal("replacement laptop", (string?)requests[1].Body["input"]!.AsArray().Single());
    }

    [Fact]
    public async Task AHostedModelOfOtherDimensionsThanConfiguredFailsAtIngestionWithTheFix()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        await using var app = await GoldenPathTestHost.StartAsync("Production", ModelTestHost.Settings(stub.Endpoint, "OpenAI"), configureBuilder: b => b.AddGoldenPathRetrieval());
        var store = app.Services.GetRequiredService<IKnowledgeStore>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpsertAsync(Handbook(), Token));

        Assert.Contains("built with 384 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains($"produced {OpenAICompatibleStub.EmbeddingDimensions}", error.Message, StringComparison.Ordinal);
        Assert.Contains("re-ingest", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
