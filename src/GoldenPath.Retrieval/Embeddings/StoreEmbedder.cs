using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace GoldenPath.Retrieval;

/// <summary>
/// The embedding side of a store: calls the generator, then checks every vector against the store's dimensions and
/// L2-normalizes it, because both stores rank by dot product and treat it as cosine.
/// </summary>
internal sealed class StoreEmbedder
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly HashingEmbedder? _hashing;
    private readonly string _storeName;

    private StoreEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, HashingEmbedder? hashing, int dimensions, string modelName, string storeName)
    {
        _generator = generator;
        _hashing = hashing;
        Dimensions = dimensions;
        ModelName = modelName;
        _storeName = storeName;
    }

    public int Dimensions { get; }

    /// <summary>How errors name the model: provider and model id from the generator's metadata, when it has any.</summary>
    public string ModelName { get; }

    /// <summary>
    /// The dimensions are <paramref name="configured"/> when given, else the generator's declared
    /// <see cref="EmbeddingGeneratorMetadata.DefaultModelDimensions"/>; when both exist they must agree.
    /// </summary>
    /// <remarks>Errors name the store by <paramref name="storeName"/> and the setting to change by <paramref name="dimensionsSetting"/>.</remarks>
    public static StoreEmbedder Create(IEmbeddingGenerator<string, Embedding<float>> generator, int? configured, string storeName, string dimensionsSetting)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        var modelName = metadata is null
            ? generator.GetType().Name
            : string.Join('/', new[] { metadata.ProviderName, metadata.DefaultModelId }.Where(part => !string.IsNullOrEmpty(part))) is { Length: > 0 } name ? name : generator.GetType().Name;

        // Found through middleware too (telemetry, logging), so an offline pipeline keeps the synchronous fast path.
        var hashing = generator as HashingEmbedder ?? generator.GetService<HashingEmbedder>();

        // A hashing embedder's size is a fact, not a default: its vectors always have exactly that length.
        var declared = hashing?.Dimensions ?? metadata?.DefaultModelDimensions;
        if (configured is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, dimensionsSetting);
            if (declared is { } produced && produced != value)
            {
                throw Mismatch(storeName, value, modelName, produced, dimensionsSetting);
            }
        }

        var dimensions = configured ?? declared ?? throw new InvalidOperationException(
            $"The {storeName} cannot tell how many dimensions the embedding model '{modelName}' produces: it declares none. Set {dimensionsSetting} to the model's output size.");
        return new StoreEmbedder(generator, hashing, dimensions, modelName, storeName);
    }

    /// <summary>
    /// Throws unless the synchronous fast path is available: only <see cref="HashingEmbedder"/> (alone or under
    /// middleware) embeds without I/O.
    /// </summary>
    public void EnsureSynchronous(string asyncAlternative)
    {
        if (_hashing is null)
        {
            throw new InvalidOperationException(
                $"This {_storeName} embeds with '{ModelName}', which is not a HashingEmbedder, so its synchronous methods cannot call it; use {asyncAlternative} instead.");
        }
    }

    /// <summary>The synchronous fast path; see <see cref="EnsureSynchronous"/>.</summary>
    public float[] Embed(string text, string asyncAlternative)
    {
        EnsureSynchronous(asyncAlternative);
        return Checked(_hashing!.Embed(text));
    }

    /// <summary>Embeds all <paramref name="texts"/> in one call, so a document costs one round trip to a remote model.</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var generated = await _generator.GenerateAsync(texts, options: null, cancellationToken).ConfigureAwait(false);
        if (generated.Count != texts.Count)
        {
            throw new InvalidOperationException(
                $"The embedding model '{ModelName}' returned {generated.Count} vectors for {texts.Count} inputs; check the model endpoint or its middleware.");
        }

        var vectors = new float[generated.Count][];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = Checked(generated[i].Vector.ToArray());
        }

        return vectors;
    }

    private float[] Checked(float[] vector)
    {
        if (vector.Length != Dimensions)
        {
            throw Mismatch(_storeName, Dimensions, ModelName, vector.Length, setting: null);
        }

        var norm = TensorPrimitives.Norm<float>(vector);
        if (norm > 0 && MathF.Abs(norm - 1f) > 1e-6f)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private static InvalidOperationException Mismatch(string storeName, int expected, string modelName, int produced, string? setting) => new(
        $"The {storeName} was built with {expected} dimensions; model '{modelName}' produced {produced}. " +
        $"Re-ingest into a new store with {produced} dimensions{(setting is null ? string.Empty : $" ({setting} = {produced})")} or configure the matching {expected}-dimension model.");
}
