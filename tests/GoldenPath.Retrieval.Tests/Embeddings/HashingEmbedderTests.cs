using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace GoldenPath.Retrieval.Tests.Embeddings;

public sealed class HashingEmbedderTests
{
    private const string Text = "Laptops must use full-disk encryption before they join the network.";

    [Fact]
    public void Embed_IsDeterministicAcrossInstances()
    {
        var first = new HashingEmbedder().Embed(Text);
        var second = new HashingEmbedder().Embed(Text);

        Assert.Equal(first, second);
        Assert.Contains(first, value => value != 0);
    }

    [Fact]
    public void Embed_IsUnitLength()
    {
        var vector = new HashingEmbedder().Embed(Text);

        Assert.Equal(1f, TensorPrimitives.Norm<float>(vector), 5);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(384)]
    [InlineData(1000)]
    public void Embed_HasTheConfiguredDimensions(int dimensions)
    {
        var embedder = new HashingEmbedder(dimensions);

        Assert.Equal(dimensions, embedder.Dimensions);
        Assert.Equal(dimensions, embedder.Embed(Text).Length);
    }

    [Fact]
    public void Constructor_RejectsNonPositiveDimensions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashingEmbedder(0));
    }

    [Fact]
    public void Embed_NormalizesCaseCompatibilityFormsAndPunctuation()
    {
        var embedder = new HashingEmbedder();

        Assert.Equal(embedder.Embed("cafe wifi"), embedder.Embed("ＣＡＦＥ  WiFi!"));
    }

    [Fact]
    public void Embed_TextWithoutWordsIsTheZeroVector()
    {
        var vector = new HashingEmbedder().Embed(" ...  !? ");

        Assert.All(vector, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Embed_RelatedTextIsCloserThanUnrelatedText()
    {
        var embedder = new HashingEmbedder();
        var query = embedder.Embed("Is disk encryption required on laptops?");

        var related = TensorPrimitives.Dot(query, embedder.Embed(Text));
        var unrelated = TensorPrimitives.Dot(query, embedder.Embed("The cafeteria serves soup on Fridays."));

        Assert.True(related > unrelated + 0.2f, $"related {related}, unrelated {unrelated}");
    }

    [Fact]
    public void Embed_WordOrderMattersThroughBigrams()
    {
        var embedder = new HashingEmbedder();

        Assert.NotEqual(embedder.Embed("dog bites man"), embedder.Embed("man bites dog"));
    }

    [Fact]
    public async Task GenerateAsync_MatchesEmbedAndTagsTheModel()
    {
        var embedder = new HashingEmbedder(64);

        var embeddings = await embedder.GenerateAsync(["alpha beta", Text], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, embeddings.Count);
        Assert.Equal(embedder.Embed("alpha beta"), embeddings[0].Vector.ToArray());
        Assert.Equal(embedder.Embed(Text), embeddings[1].Vector.ToArray());
        Assert.All(embeddings, e => Assert.Equal("goldenpath-hashing-ngram", e.ModelId));
    }

    [Fact]
    public async Task GenerateAsync_RejectsADifferentDimensionRequest()
    {
        var embedder = new HashingEmbedder(64);

        await Assert.ThrowsAsync<ArgumentException>(() => embedder.GenerateAsync(
            ["text"], new EmbeddingGenerationOptions { Dimensions = 128 }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void GetService_DescribesTheModel()
    {
        IEmbeddingGenerator<string, Embedding<float>> embedder = new HashingEmbedder(128);

        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("goldenpath-hashing-ngram", metadata.DefaultModelId);
        Assert.Equal(128, metadata.DefaultModelDimensions);
        Assert.Same(embedder, embedder.GetService<HashingEmbedder>());
        Assert.Null(embedder.GetService(typeof(EmbeddingGeneratorMetadata), "keyed"));
    }
}
