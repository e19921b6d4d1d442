namespace GoldenPath.Retrieval;

/// <summary>
/// Vectors stored back to back in one <c>float[]</c>, row <c>slot</c> at offset <c>slot * dimensions</c>, so a scan
/// walks memory sequentially instead of chasing one array per chunk.
/// </summary>
internal sealed class VectorSlab(int dimensions)
{
    private float[] _data = [];

    internal int Dimensions { get; } = dimensions;

    internal ReadOnlySpan<float> Row(int slot) => _data.AsSpan(slot * Dimensions, Dimensions);

    internal void Set(int slot, ReadOnlySpan<float> vector)
    {
        var needed = (slot + 1) * Dimensions;
        if (needed > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(needed, _data.Length * 2));
        }

        vector.CopyTo(_data.AsSpan(slot * Dimensions, Dimensions));
    }

    internal void Clear(int slot) => _data.AsSpan(slot * Dimensions, Dimensions).Clear();
}
