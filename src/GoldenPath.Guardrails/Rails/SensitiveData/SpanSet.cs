namespace GoldenPath.Guardrails;

/// <summary>Raw spans already claimed by a detector, so a lower-priority detector does not report them again.</summary>
internal sealed class SpanSet
{
    private readonly List<EvidenceSpan> _spans = [];

    public bool Overlaps(EvidenceSpan span)
    {
        foreach (var existing in _spans)
        {
            if (span.Start < existing.End && existing.Start < span.End)
            {
                return true;
            }
        }

        return false;
    }

    public bool TryAdd(EvidenceSpan span)
    {
        if (Overlaps(span))
        {
            return false;
        }

        _spans.Add(span);
        return true;
    }
}
