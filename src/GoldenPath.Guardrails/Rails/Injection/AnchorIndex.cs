using System.Buffers;

namespace GoldenPath.Guardrails;

/// <summary>
/// Finds which signatures could match a text with one vectorized multi-string search over the anchors of
/// the signatures it indexes. Most text contains few anchors, so most patterns never run.
/// </summary>
internal sealed class AnchorIndex
{
    private readonly SearchValues<string> _anchors;
    private readonly Dictionary<char, (string Anchor, ulong Signatures)[]> _byFirstChar;

    /// <param name="signatures">All signatures; bit i of a result stands for <c>signatures[i]</c>.</param>
    /// <param name="include">Which of them this index looks for; a view that only some signatures run on searches only their anchors.</param>
    public AnchorIndex(IReadOnlyList<InjectionSignature> signatures, Func<InjectionSignature, bool> include)
    {
        if (signatures.Count > 64)
        {
            throw new ArgumentException("At most 64 signatures fit the candidate mask.", nameof(signatures));
        }

        var masks = new Dictionary<string, ulong>(StringComparer.Ordinal);
        for (var i = 0; i < signatures.Count; i++)
        {
            if (!include(signatures[i]))
            {
                continue;
            }

            foreach (var anchor in signatures[i].Anchors)
            {
                masks[anchor] = masks.GetValueOrDefault(anchor) | (1UL << i);
            }
        }

        _anchors = SearchValues.Create([.. masks.Keys], StringComparison.Ordinal);
        _byFirstChar = masks
            .GroupBy(pair => pair.Key[0])
            .ToDictionary(group => group.Key, group => group.Select(pair => (pair.Key, pair.Value)).ToArray());
    }

    /// <summary>
    /// A bit per indexed signature whose anchors occur in <paramref name="text"/>; records where each anchor occurs
    /// with the signatures it stands for, so a pattern can run only near its anchors instead of over the whole text.
    /// </summary>
    public ulong Hits(ReadOnlySpan<char> text, List<(int Position, ulong Signatures)> hits)
    {
        var candidates = 0UL;
        var offset = 0;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOfAny(_anchors);
            if (found < 0)
            {
                break;
            }

            var position = offset + found;
            var rest = text[position..];
            var here = 0UL;
            foreach (var (anchor, signatures) in _byFirstChar[rest[0]])
            {
                if (rest.StartsWith(anchor, StringComparison.Ordinal))
                {
                    here |= signatures;
                }
            }

            candidates |= here;
            if (here != 0)
            {
                hits.Add((position, here));
            }

            offset = position + 1;
        }

        return candidates;
    }
}
