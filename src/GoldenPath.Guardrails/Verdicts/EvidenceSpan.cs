namespace GoldenPath.Guardrails;

/// <summary>
/// A span of the original text that made a rail fire. Offsets always point into the text the rail was
/// given, even when the match was found in a normalized or decoded view of it.
/// </summary>
public readonly record struct EvidenceSpan(int Start, int Length)
{
    public int End => Start + Length;
}
