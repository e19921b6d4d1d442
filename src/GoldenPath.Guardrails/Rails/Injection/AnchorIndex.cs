namespace GoldenPath.Guardrails;

/// <summary>
/// Finds which signatures could match a text with one pass over it that looks up the characters at every position in
/// bit tables of the anchors' first two (two-letter anchors) and first three characters (longer ones). Most text
/// contains few anchors, so most patterns never run. The same pass finds the signatures' leads
/// (<see cref="SignatureLeads"/>), so a view is read once for both.
/// </summary>
/// <remarks>
/// A multi-string search over a couple of hundred short anchors ("ai", "log", "now") finds a candidate at almost every
/// word; one table lookup per character costs less than the vectorized search's constant re-verification. Keying
/// longer anchors by three characters rather than two matters in ordinary text: a third of its positions start a
/// pair some anchor starts with ("re", "pr", "in"), and only one in forty starts an anchor.
/// </remarks>
internal sealed class AnchorIndex
{
    private const int PairBits = 1 << 14;
    private const int TripleBits = 1 << 16;
    private const int MaxSearchedOneByOne = 4;

    // Bit set for every hash of a two-character string, and of the first three characters of a longer one;
    // one-character strings mark their character.
    private readonly ulong[] _pairs = new ulong[PairBits / 64];
    private readonly Entry[]?[] _byPair = new Entry[]?[PairBits];
    private readonly ulong[] _triples = new ulong[TripleBits / 64];
    private readonly Entry[]?[] _byTriple = new Entry[]?[TripleBits];
    private readonly Dictionary<char, Entry> _singles = [];
    private readonly bool _hasPairs;

    // A handful of anchors and no leads (the layout signatures' index): one vectorized search per anchor beats a
    // table lookup at every character.
    private readonly Entry[]? _few;

    private static readonly Comparer<(int Position, ulong Signatures)> s_byPosition =
        Comparer<(int Position, ulong Signatures)>.Create(static (a, b) => a.Position.CompareTo(b.Position));

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
        if (masks.Count <= MaxSearchedOneByOne && masks.Values.All(mask => mask.Leads == 0))
        {
            _few = [.. masks.Select(m => new Entry(m.Key, m.Value.Anchors, 0))];
        }

        foreach (var (literal, (anchorMask, leadMask)) in masks)
        {
            var entry = new Entry(literal, anchorMask, leadMask);
            if (literal.Length == 1)
            {
                var known = _singles.GetValueOrDefault(literal[0]);
                _singles[literal[0]] = entry with { Anchors = known.Anchors | anchorMask, Leads = known.Leads | leadMask };
                continue;
            }

            if (literal.Length == 2)
            {
                var pair = Pair(literal[0], literal[1]);
                _pairs[pair >> 6] |= 1UL << pair;
                _byPair[pair] = [.. _byPair[pair] ?? [], entry];
                _hasPairs = true;
                continue;
            }

            var triple = Triple(literal[0], literal[1], literal[2]);
            _triples[triple >> 6] |= 1UL << triple;
            _byTriple[triple] = [.. _byTriple[triple] ?? [], entry];
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
        leads = 0;
        if (_few is not null)
        {
            return SearchOneByOne(_few, text, offset, hits);
        }

        var candidates = 0UL;
        var (pairs, triples) = (_pairs, _triples);
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
                if (_hasPairs)
                {
                    var pair = Pair(text[position], text[position + 1]);
                    if ((pairs[pair >> 6] & (1UL << pair)) != 0)
                    {
                        Collect(_byPair[pair]!, text[position..], ref here);
                    }
                }

                if (position + 2 < text.Length)
                {
                    var triple = Triple(text[position], text[position + 1], text[position + 2]);
                    if ((triples[triple >> 6] & (1UL << triple)) != 0)
                    {
                        Collect(_byTriple[triple]!, text[position..], ref here);
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

    /// <summary>Every occurrence of each entry, in text order, those at one position merged.</summary>
    private static ulong SearchOneByOne(Entry[] entries, ReadOnlySpan<char> text, int offset, List<(int Position, ulong Signatures)> hits)
    {
        var first = hits.Count;
        var candidates = 0UL;
        foreach (var entry in entries)
        {
            for (var from = 0; from < text.Length;)
            {
                var found = text[from..].IndexOf(entry.Literal, StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                hits.Add((offset + from + found, entry.Anchors));
                candidates |= entry.Anchors;
                from += found + 1;
            }
        }

        if (entries.Length > 1 && hits.Count - first > 1)
        {
            hits.Sort(first, hits.Count - first, s_byPosition);
            var kept = first;
            for (var i = first + 1; i < hits.Count; i++)
            {
                if (hits[i].Position == hits[kept].Position)
                {
                    hits[kept] = (hits[kept].Position, hits[kept].Signatures | hits[i].Signatures);
                }
                else
                {
                    hits[++kept] = hits[i];
                }
            }

            hits.RemoveRange(kept + 1, hits.Count - kept - 1);
        }

        return candidates;
    }

    /// <summary>Adds the masks of every entry <paramref name="rest"/> starts with.</summary>
    private static void Collect(Entry[] entries, ReadOnlySpan<char> rest, ref Entry here)
    {
        foreach (var entry in entries)
        {
            if (rest.StartsWith(entry.Literal, StringComparison.Ordinal))
            {
                here = here with { Anchors = here.Anchors | entry.Anchors, Leads = here.Leads | entry.Leads };
            }
        }
    }

    private static int Pair(char first, char second) => ((first * 131) ^ second) & (PairBits - 1);

    private static int Triple(char first, char second, char third) => ((((first * 131) ^ second) * 131) ^ third) & (TripleBits - 1);

    private readonly record struct Entry(string Literal, ulong Anchors, ulong Leads);
}
