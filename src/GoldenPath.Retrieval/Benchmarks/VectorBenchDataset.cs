using System.Numerics.Tensors;

namespace GoldenPath.Retrieval;

/// <summary>
/// Seeded random unit vectors with ACLs such that exactly <c>round(selectivity × chunks)</c> of them are readable by
/// <see cref="Reader"/>. Readable chunks are granted either to the reader's group or to the reader's user, so a search
/// has to union two principals' permissions, as real callers do.
/// </summary>
public sealed class VectorBenchDataset
{
    private const int OtherGroups = 32;

    private readonly float[] _vectors;
    private readonly IReadOnlyList<string>[] _acls;
    private readonly bool[] _readable;

    private VectorBenchDataset(int dimensions, float[] vectors, IReadOnlyList<string>[] acls, bool[] readable)
    {
        Dimensions = dimensions;
        _vectors = vectors;
        _acls = acls;
        _readable = readable;
        PermittedCount = readable.Count(r => r);
    }

    /// <summary>The principals every bench query runs as.</summary>
    public static PrincipalSet Reader { get; } = PrincipalSet.From(["user:bench-reader", "group:bench-readers"]);

    public int Count => _acls.Length;

    public int Dimensions { get; }

    /// <summary>Chunks <see cref="Reader"/> may read.</summary>
    public int PermittedCount { get; }

    public ReadOnlyMemory<float> Vector(int index) => _vectors.AsMemory(index * Dimensions, Dimensions);

    public IReadOnlyList<string> Acl(int index) => _acls[index];

    public bool IsReadable(int index) => _readable[index];

    public static VectorBenchDataset Generate(VectorBenchOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var vectors = new float[checked(options.Chunks * options.Dimensions)];
        for (var i = 0; i < options.Chunks; i++)
        {
            FillUnit(random, vectors.AsSpan(i * options.Dimensions, options.Dimensions));
        }

        // A partial Fisher-Yates shuffle picks exactly the readable share.
        var order = Enumerable.Range(0, options.Chunks).ToArray();
        var permitted = (int)Math.Round(options.Selectivity * options.Chunks, MidpointRounding.AwayFromZero);
        var readable = new bool[options.Chunks];
        for (var i = 0; i < permitted; i++)
        {
            var j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
            readable[order[i]] = true;
        }

        var acls = new IReadOnlyList<string>[options.Chunks];
        for (var i = 0; i < options.Chunks; i++)
        {
            var other = $"group:other-{random.Next(OtherGroups)}";
            acls[i] = !readable[i] ? [other]
                : random.Next(2) == 0 ? ["group:bench-readers"]
                : ["user:bench-reader", other];
        }

        return new VectorBenchDataset(options.Dimensions, vectors, acls, readable);
    }

    /// <summary>A random unit vector, for queries as well as chunks.</summary>
    public static float[] RandomUnit(Random random, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(random);
        var vector = new float[dimensions];
        FillUnit(random, vector);
        return vector;
    }

    private static void FillUnit(Random random, Span<float> vector)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var norm = TensorPrimitives.Norm<float>(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
