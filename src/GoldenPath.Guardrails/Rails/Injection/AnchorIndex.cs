namespace GoldenPath.Guardrails;

/// <summary>
/// Finds which signatures could match a text with one pass over it that looks up every pair of adjacent characters
/// in a bit table of the anchors' first two characters. Most text contains few anchors, so most patterns never run.
/// The same pass finds the signatures' leads (<see cref="SignatureLeads"/>), so a view is read once for both.
/// </summary>
/// <remarks>
/// A multi-string search over a couple of hundred short anchors ("ai", "log", "now") finds a candidate at almost every
/// word; one table lookup per character costs less than the vectorized search's constant re-verification.
/// </remarks>
internal sealed class AnchorIndex
{
    private const int PairBits = 1 << 14;

    // Bit set for every hash of a string's first two characters; one-character strings mark their character.
    private readonly ulong[] _pairs = new ulong[PairBits / 64];
    private readonly Entry[]?[] _byPair = new Entry[]?[PairBits];
    private readonly Dictionary<char, Entry> _singles = [];

    /// <param name="signatures">All signatures; bit i of a result stands for <c>signatures[i]</c>.</param>
    /// <param name="include">Which of them this index looks for; a view that only some signatures run on searches only their anchors.</param>
    /// <param name="leads">Per signature, the words its matches start with, or null; only those of included signatures are indexed.</param>
    public AnchorIndex(IReadOnlyList<InjectionSignature> signatures, Func<InjectionSignature, bool> include, IReadOnlyList<string[]?>? leads = null)
        : this(
            [.. signatures.Select(s => include(s) ? s.Anchors : null)],
            leads is null ? null : [.. signatures.Select((s, i) => include(s) ? leads[i] : null)])
    {
    }

    /// <param name="anchors">Per signature, the strings every match contains (bit i of a result stands for entry i), or null.</param>
    /// <param name="leads">Per signature, the words every match starts with, or null.</param>
    public AnchorIndex(IReadOnlyList<string[]?> anchors, IReadOnlyList<string[]?>? leads = null)
    {
        if (anchors.Count > 64 || leads?.Count > 64)
        {
            throw new ArgumentException("At most 64 signatures fit the candidate mask.", nameof(anchors));
        }

        var masks = new Dictionary<string, (ulong Anchors, ulong Leads)>(StringComparer.Ordinal);
        Collect(anchors, masks, lead: false);
        Collect(leads ?? [], masks, lead: true);
        foreach (var (literal, (anchorMask, leadMask)) in masks)
        {
            var entry = new Entry(literal, anchorMask, leadMask);
            if (literal.Length == 1)
            {
                var known = _singles.GetValueOrDefault(literal[0]);
                _singles[literal[0]] = entry with { Anchors = known.Anchors | anchorMask, Leads = known.Leads | leadMask };
                continue;
            }

            var pair = Pair(literal[0], literal[1]);
            _pairs[pair >> 6] |= 1UL << pair;
            _byPair[pair] = [.. _byPair[pair] ?? [], entry];
        }
    }

    /// <summary>
    /// A bit per indexed signature whose anchors occur in <paramref name="text"/>; records where each anchor occurs
    /// with the signatures it stands for, so a pattern can run only near its anchors instead of over the whole text.
    /// </summary>
    public ulong Hits(ReadOnlySpan<char> text, List<(int Position, ulong Signatures)> hits) => Hits(text, 0, hits, null, out _);

    /// <summary>
    /// As <see cref="Hits(ReadOnlySpan{char}, List{ValueTuple{int, ulong}})"/>, recording positions shifted by
    /// <paramref name="offset"/>, and where leads occur in <paramref name="leadHits"/> (when given).
    /// </summary>
    /// <param name="text">The text searched.</param>
    /// <param name="offset">Added to every recorded position.</param>
    /// <param name="hits">Receives the anchor hits.</param>
    /// <param name="leadHits">Receives the lead hits, or null not to record them.</param>
    /// <param name="leads">A bit per signature with at least one lead hit.</param>
    public ulong Hits(
        ReadOnlySpan<char> text,
        int offset,
        List<(int Position, ulong Signatures)> hits,
        List<(int Position, ulong Signatures)>? leadHits,
        out ulong leads)
    {
        var candidates = 0UL;
        leads = 0;
        var pairs = _pairs;
        var singles = _singles.Count > 0 ? _singles : null;
        for (var position = 0; position < text.Length; position++)
        {
            var here = default(Entry);
            if (singles is not null)
            {
                here = singles.GetValueOrDefault(text[position]);
            }

            if (position + 1 < text.Length)
            {
                var pair = Pair(text[position], text[position + 1]);
                if ((pairs[pair >> 6] & (1UL << pair)) != 0)
                {
                    var rest = text[position..];
                    foreach (var entry in _byPair[pair]!)
                    {
                        if (rest.StartsWith(entry.Literal, StringComparison.Ordinal))
                        {
                            here = here with { Anchors = here.Anchors | entry.Anchors, Leads = here.Leads | entry.Leads };
                        }
                    }
                }
            }

            if (here.Anchors != 0)
            {
                candidates |= here.Anchors;
                hits.Add((offset + position, here.Anchors));
            }

            if (here.Leads != 0 && leadHits is not null)
            {
                leads |= here.Leads;
                leadHits.Add((offset + position, here.Leads));
            }
        }

        return candidates;
    }

    private static void Collect(IReadOnlyList<string[]?> literals, Dictionary<string, (ulong Anchors, ulong Leads)> masks, bool lead)
    {
        for (var i = 0; i < literals.Count; i++)
        {
            foreach (var literal in literals[i] ?? [])
            {
                if (literal.Length == 0)
                {
                    throw new ArgumentException($"Entry {i} has an empty string to look for.", nameof(literals));
                }

                var (anchors, leads) = masks.GetValueOrDefault(literal);
                masks[literal] = lead ? (anchors, leads | (1UL << i)) : (anchors | (1UL << i), leads);
            }
        }
    }

    private static int Pair(char first, char second) => ((first * 131) ^ second) & (PairBits - 1);

    private readonly record struct Entry(string Literal, ulong Anchors, ulong Leads);
}
