using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.AI;

namespace GoldenPath.Retrieval.Tests.Embeddings;

/// <summary>
/// A deterministic stand-in for a remote embedding model: each lower-cased word adds 3 to one of
/// <see cref="Dimensions"/> buckets picked by a stable hash, so vectors are raw counts and never unit length. It records
/// every call, and <see cref="Dimensions"/> can change between calls to imitate a store pointed at another model.
/// </summary>
internal sealed class WordBucketGenerator(int dimensions, int? declaredDimensions = null) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Dimensions { get; set; } = dimensions;

    public ConcurrentQueue<(string[] Inputs, CancellationToken Token)> Calls { get; } = new();

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        string[] inputs = [.. values];
        Calls.Enqueue((inputs, cancellationToken));
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var input in inputs)
        {
            var vector = new float[Dimensions];
            foreach (var word in input.ToLowerInvariant().Split((char[])[' ', '\n', '.', ',', '#', '?', ':'], StringSplitOptions.RemoveEmptyEntries))
            {
                vector[Bucket(word)] += 3f;
            }

            embeddings.Add(new Embedding<float>(vector));
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata)
            ? new EmbeddingGeneratorMetadata("test-provider", null, "word-buckets", declaredDimensions)
            : null;

    public void Dispose()
    {
    }

    private int Bucket(string word)
    {
        var hash = 17;
        foreach (var b in Encoding.UTF8.GetBytes(word))
        {
            hash = unchecked((hash * 31) + b);
        }

        return (int)((uint)hash % (uint)Dimensions);
    }
}
