namespace GoldenPath.Guardrails;

/// <summary>Raw spans already claimed by a detector, so a lower-priority detector does not report them again.</summary>
/// <remarks>
/// Stored spans never overlap, so ordered by start they are ordered by end too, and only the last span starting
/// before a new span ends can overlap it: one logarithmic lookup, however many matches a hostile text produces.
/// </remarks>
internal sealed class SpanSet
{
    private static readonly Comparer<EvidenceSpan> s_byStart = Comparer<EvidenceSpan>.Create(static (a, b) => a.Start.CompareTo(b.Start));

    // Created on the first span: most texts (and most segments of a stream) have none.
    private SortedSet<EvidenceSpan>? _spans;

    public bool Overlaps(EvidenceSpan span)
    {
        if (span.Length <= 0 || _spans is null || _spans.Count == 0)
        {
            return false;
        }

        var last = _spans.Max;
        if (span.Start >= last.End)
        {
            // Matches mostly arrive in text order: the common case never walks the tree.
            return false;
        }

        var first = _spans.Min;
        if (span.End - 1 < first.Start)
        {
            return false;
        }

        var before = _spans.GetViewBetween(first, new EvidenceSpan(span.End - 1, 0)).Max;
        return before.End > span.Start;
    }

    public bool TryAdd(EvidenceSpan span)
    {
        if (Overlaps(span))
        {
            return false;
        }

        (_spans ??= new SortedSet<EvidenceSpan>(s_byStart)).Add(span);
        return true;
    }
}
