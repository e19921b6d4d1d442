namespace GoldenPath.Retrieval;

/// <summary>FNV-1a over UTF-16 code units with a final avalanche step: stable across processes and platforms.</summary>
internal static class FeatureHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    internal static uint Of(char tag, ReadOnlySpan<char> text) =>
        Finish(Append(Append(OffsetBasis, tag), text));

    internal static uint Of(char tag, ReadOnlySpan<char> first, ReadOnlySpan<char> second) =>
        Finish(Append(Append(Append(Append(OffsetBasis, tag), first), ' '), second));

    private static uint Append(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = Append(hash, c);
        }

        return hash;
    }

    private static uint Append(uint hash, char c)
    {
        hash = (hash ^ (byte)c) * Prime;
        return (hash ^ (byte)(c >> 8)) * Prime;
    }

    // FNV-1a mixes its high bits weakly; the finalizer spreads every input bit over the slot and sign bits.
    private static uint Finish(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EB_CA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2_AE35u;
        return hash ^ (hash >> 16);
    }
}
