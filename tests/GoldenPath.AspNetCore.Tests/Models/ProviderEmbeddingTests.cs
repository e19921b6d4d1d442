using System.Diagnostics;
using GoldenPath.AspNetCore.Telemetry;
using GoldenPath.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenPath.AspNetCore.Tests.Models;

public sealed class ProviderEmbeddingTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("AzureOpenAI")]
    public async Task EmbeddingsComeFromTheProvidersEmbeddingModel(string provider)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        await using var app = await ModelTestHost.StartAsync(stub, provider);
        var embedder = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        string[] inputs = ["office hours", "holiday calendar"];

        var embeddings = await embedder.GenerateAsync(inputs, cancellationToken: Cancellation);

        Assert.Equal(inputs.Length, embeddings.Count);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(OpenAICompatibleStub.EmbeddingDimensions, embeddings[i].Vector.Length);
            Assert.Equal(OpenAICompatibleStub.VectorFor(inputs[i]), embeddings[i].Vector.ToArray());
        }

        Assert.Equal(inputs.Sum(OpenAICompatibleStub.CompletionTokens), embeddings.Usage?.InputTokenCount);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(stub.EndpointFor(provider).AbsolutePath + "embeddings", request.Path);
        Assert.Equal("text-embedding-3-small", (string?)request.Body["model"]);
        Assert.Equal($"Bearer {ModelTestHost.ApiKey}", request.Authorization);
    }

    [Fact]
    public async Task EmbeddingCallsAreTracedAsGenAiSpans()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI");
        var embedder = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GoldenPathTelemetry.ChatSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        // Other tests trace on the same source in parallel; this test's spans share its trace.
        using var parent = new Activity("embedding-test").Start();

        await embedder.GenerateAsync(["office hours"], cancellationToken: Cancellation);

        Activity span;
        lock (spans)
        {
            span = Assert.Single(spans, s => s.TraceId == parent.TraceId);
        }

        Assert.Equal("embeddings", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("text-embedding-3-small", span.GetTagItem("gen_ai.request.model"));
    }

    [Fact]
    public async Task ConfiguredEmbeddingModelIsSent()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI", s => s["GoldenPath:Model:EmbeddingModel"] = "embed-custom");
        var embedder = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        await embedder.GenerateAsync(["office hours"], cancellationToken: Cancellation);

        Assert.Equal("embed-custom", (string?)Assert.Single(stub.Requests).Body["model"]);
    }

    [Fact]
    public async Task OllamaDefaultsToItsOwnEmbeddingModel()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        await using var app = await ModelTestHost.StartAsync(stub, "Ollama", s => s.Remove("GoldenPath:Model:ApiKey"));
        var embedder = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        await embedder.GenerateAsync(["office hours"], cancellationToken: Cancellation);

        Assert.Equal("nomic-embed-text", (string?)Assert.Single(stub.Requests).Body["model"]);
    }

    [Fact]
    public async Task OfflineUsesTheHashingEmbedder()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Production", Identity.TestTokens.SharedKeySettings());
        var embedder = app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embedding = await embedder.GenerateAsync("office hours", cancellationToken: Cancellation);

        Assert.NotNull(embedder.GetService<HashingEmbedder>());
        Assert.Equal(new HashingEmbedder().Embed("office hours").ToArray(), embedding.Vector.ToArray());
    }
}
