namespace GoldenPath.Guardrails;

/// <summary>
/// A transformed copy of the evaluated text that remembers, for every character, which span of the original
/// produced it. Detectors match on the view and report evidence (and redactions) on the original.
/// </summary>
internal sealed class TextView
{
    // Identity views carry no maps; pinned views map every character to one span (a decoded payload).
    private readonly int[]? _starts;
    private readonly int[]? _ends;
    private readonly int _pinnedStart;
    private readonly int _pinnedEnd;

    // Reversed views read the maps of the view they mirror instead of copying them.
    private readonly TextView? _mirrored;

    private TextView(string text, int[]? starts, int[]? ends, int pinnedStart, int pinnedEnd, TextView? mirrored = null)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
        _pinnedStart = pinnedStart;
        _pinnedEnd = pinnedEnd;
        _mirrored = mirrored;
    }

    public string Text { get; }

    public bool IsIdentity => _starts is null && _pinnedStart < 0 && _mirrored is null;

    public static TextView Identity(string text) => new(text, null, null, -1, -1);

    public static TextView Pinned(string text, int rawStart, int rawEnd) => new(text, null, null, rawStart, rawEnd);

    /// <param name="text">The view's text.</param>
    /// <param name="starts">Where each character's raw span starts.</param>
    /// <param name="ends">Where each character's raw span ends; null when every span is one raw character long.</param>
    public static TextView Mapped(string text, int[] starts, int[]? ends) => new(text, starts, ends, -1, -1);

    public int RawStart(int index) =>
        _starts is not null ? _starts[index]
        : _mirrored is not null ? _mirrored.RawStart(Text.Length - 1 - index)
        : _pinnedStart >= 0 ? _pinnedStart : index;

    public int RawEnd(int index) =>
        _ends is not null ? _ends[index]
        : _starts is not null ? _starts[index] + 1
        : _mirrored is not null ? _mirrored.RawEnd(Text.Length - 1 - index)
        : _pinnedStart >= 0 ? _pinnedEnd : index + 1;

    public EvidenceSpan ToRaw(int start, int length)
    {
        if (length <= 0)
        {
            var at = start < Text.Length ? RawStart(start) : Text.Length == 0 ? 0 : RawEnd(Text.Length - 1);
            return new EvidenceSpan(at, 0);
        }

        var rawStart = RawStart(start);
        var rawEnd = RawEnd(start + length - 1);

        // Reversed views map backwards; a span is still the smallest raw range covering both ends.
        var low = Math.Min(rawStart, RawStart(start + length - 1));
        var high = Math.Max(rawEnd, RawEnd(start));
        return new EvidenceSpan(low, high - low);
    }

    /// <summary>The same mapping applied to a character-for-character substitution of the text (ROT13).</summary>
    public TextView WithText(string text) => new(text, _starts, _ends, _pinnedStart, _pinnedEnd, _mirrored);

    /// <summary>The text backwards; character i points where character Length - 1 - i of this view points.</summary>
    public TextView Reverse()
    {
        var reversed = string.Create(Text.Length, Text, static (span, source) =>
        {
            source.AsSpan().CopyTo(span);
            span.Reverse();
        });
        return new TextView(reversed, null, null, -1, -1, this);
    }
}
