using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace GoldenPath.AspNetCore.Tests.Retrieval;

/// <summary>
/// A deterministic embedding model of any size that records what it was asked to embed: each word adds to one bucket,
/// so texts sharing words get similar vectors.
/// </summary>
internal sealed class RecordingEmbeddingGenerator(int dimensions, int? declaredDimensions) : IEmbeddingGenerator<string, Embedding<float>>
{
    public ConcurrentQueue<string[]> Calls { get; } = new();

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        string[] inputs = [.. values];
        Calls.Enqueue(inputs);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var input in inputs)
        {
            var vector = new float[dimensions];
            foreach (var word in input.Split((char[])[' ', '\n', '.', '#'], StringSplitOptions.RemoveEmptyEntries))
            {
                vector[(int)((uint)string.GetHashCode(word, StringComparison.OrdinalIgnoreCase) % (uint)dimensions)] += 1f;
            }

            embeddings.Add(new Embedding<float>(vector));
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, "recording", declaredDimensions) : null;

    public void Dispose()
    {
    }
}
