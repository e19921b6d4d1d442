namespace GoldenPath.Retrieval;

/// <summary>Bit operations over <c>ulong[]</c> bitmaps indexed by chunk slot.</summary>
internal static class SlotBitmap
{
    internal static void Set(ref ulong[] bits, int slot)
    {
        var word = slot >> 6;
        if (word >= bits.Length)
        {
            Array.Resize(ref bits, Math.Max(word + 1, bits.Length * 2));
        }

        bits[word] |= 1UL << (slot & 63);
    }

    internal static void Clear(ulong[] bits, int slot)
    {
        var word = slot >> 6;
        if (word < bits.Length)
        {
            bits[word] &= ~(1UL << (slot & 63));
        }
    }

    internal static bool IsEmpty(ulong[] bits) => Array.TrueForAll(bits, word => word == 0);

    /// <summary>ORs <paramref name="source"/> into <paramref name="target"/>, which is at least as long as any bitmap.</summary>
    internal static void UnionInto(ulong[] target, ulong[] source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] |= source[i];
        }
    }

    internal static IEnumerable<int> Slots(ulong[] bits)
    {
        for (var word = 0; word < bits.Length; word++)
        {
            var value = bits[word];
            while (value != 0)
            {
                yield return (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(value);
                value &= value - 1;
            }
        }
    }
}
