namespace GoldenPath.Guardrails;

internal static class ShannonEntropy
{
    /// <summary>Bits per character of an ASCII token; random keys score well above natural identifiers.</summary>
    public static double BitsPerCharacter(ReadOnlySpan<char> token)
    {
        Span<int> counts = stackalloc int[128];
        foreach (var c in token)
        {
            counts[c & 0x7F]++;
        }

        var entropy = 0.0;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = (double)count / token.Length;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }
}
