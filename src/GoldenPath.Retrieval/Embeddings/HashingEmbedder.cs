using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace GoldenPath.Retrieval;

/// <summary>
/// An offline, deterministic embedder: signed feature hashing of word unigrams, word bigrams and character
/// 3–5-grams of NFKC-normalized, lower-cased words, L2-normalized.
/// </summary>
/// <remarks>
/// It is lexical, not semantic: it finds passages that share words or word fragments with the query. It needs no
/// model download and gives the same vector for the same text in every process, which makes indexes reproducible.
/// Features are hashed with FNV-1a rather than <see cref="string.GetHashCode()"/>, which is randomized per process.
/// </remarks>
public sealed class HashingEmbedder(int dimensions = 384) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "goldenpath-hashing-ngram";

    public const string ProviderName = "goldenpath-offline";

    // Whole words and word pairs are stronger evidence than a shared fragment; fragments catch inflections and typos.
    private const float WordWeight = 1f;
    private const float BigramWeight = 1f;
    private const float CharGramWeight = 0.25f;

    private const char WordTag = 'w';
    private const char BigramTag = 'b';
    private const char CharGramTag = 'c';

    public int Dimensions { get; } = dimensions > 0
        ? dimensions
        : throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "The embedding needs at least one dimension.");

    /// <summary>Embeds <paramref name="text"/>; text without letters or digits yields the zero vector.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var vector = new float[Dimensions];
        var words = TextAnalyzer.Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            Add(vector, FeatureHash.Of(WordTag, word), WordWeight);
            if (i > 0)
            {
                Add(vector, FeatureHash.Of(BigramTag, words[i - 1], word), BigramWeight);
            }

            AddCharGrams(vector, word);
        }

        var norm = TensorPrimitives.Norm<float>(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } requested && requested != Dimensions)
        {
            throw new ArgumentException(
                $"This embedder produces {Dimensions} dimensions but {requested} were requested; construct HashingEmbedder({requested}) instead.",
                nameof(options));
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId });
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return new EmbeddingGeneratorMetadata(ProviderName, null, ModelId, Dimensions);
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // Nothing to release: the embedder holds no unmanaged or pooled state.
    }

    private void AddCharGrams(float[] vector, string word)
    {
        // Boundary marks let "^ca" (a word start) differ from "ca" inside a word.
        var padded = string.Concat("\u0002", word, "\u0003");
        for (var n = 3; n <= 5; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                Add(vector, FeatureHash.Of(CharGramTag, padded.AsSpan(start, n)), CharGramWeight);
            }
        }
    }

    private static void Add(float[] vector, uint hash, float weight)
    {
        // The low bits pick the slot and the top bit the sign, so collisions cancel out on average instead of piling up.
        var slot = (int)((hash & 0x7FFF_FFFFu) % (uint)vector.Length);
        vector[slot] += (hash & 0x8000_0000u) != 0 ? -weight : weight;
    }
}
