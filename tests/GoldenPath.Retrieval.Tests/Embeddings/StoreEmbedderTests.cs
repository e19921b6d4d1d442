using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace GoldenPath.Retrieval.Tests.Embeddings;

public sealed class StoreEmbedderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VectorsFromAModelAreScaledToUnitLength()
    {
        var generator = new WordBucketGenerator(64);
        var embedder = StoreEmbedder.Create(generator, 64, "test store", "Dimensions");
        string[] texts = ["salary bands for senior engineers", "vpn client vpn client vpn"];

        var vectors = await embedder.EmbedAsync(texts, Token);

        var raw = await generator.GenerateAsync(texts, cancellationToken: Token);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.NotEqual(1f, TensorPrimitives.Norm(raw[i].Vector.Span), 3);
            Assert.Equal(1f, TensorPrimitives.Norm<float>(vectors[i]), 5);

            // Scaling keeps the direction: the cosine with the raw vector is 1.
            Assert.Equal(1f, TensorPrimitives.CosineSimilarity(raw[i].Vector.Span, vectors[i]), 5);
        }
    }

    [Fact]
    public async Task AZeroVectorStaysZero()
    {
        var embedder = StoreEmbedder.Create(new WordBucketGenerator(16), 16, "test store", "Dimensions");

        var vector = Assert.Single(await embedder.EmbedAsync([""], Token));

        Assert.All(vector, value => Assert.Equal(0f, value));
    }

    [Fact]
    public async Task AModelReturningTheWrongNumberOfVectorsIsReported()
    {
        var embedder = StoreEmbedder.Create(new DroppingGenerator(), 4, "test store", "Dimensions");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => embedder.EmbedAsync(["a", "b"], Token));

        Assert.Contains("returned 1 vectors for 2 inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHashingEmbedderUnderMiddlewareKeepsTheSynchronousPath()
    {
        var hashing = new HashingEmbedder(32);
        var embedder = StoreEmbedder.Create(new PassThroughGenerator(hashing), configured: null, "test store", "Dimensions");

        Assert.Equal(32, embedder.Dimensions);
        Assert.Equal(hashing.Embed("office hours"), embedder.Embed("office hours", "SearchAsync"));
    }

    /// <summary>Answers every batch with a single vector, as a broken endpoint might.</summary>
    private sealed class DroppingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>([new Embedding<float>(new float[] { 1, 0, 0, 0 })]));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    /// <summary>Middleware that changes nothing, like the telemetry layer the service defaults add.</summary>
    private sealed class PassThroughGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner);
}
