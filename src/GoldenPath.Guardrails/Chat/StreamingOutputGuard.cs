using System.Buffers;
using System.Runtime.InteropServices;

namespace GoldenPath.Guardrails;

/// <summary>
/// Output rails for a streamed answer. Text is held back until it is evaluated: it is released in segments that end
/// at a line or sentence boundary, and each segment is evaluated once, together with the last
/// <see cref="SeamCharacters"/> characters already released, so a value that straddles two segments is still seen
/// whole. Nothing is ever sent before every rail has passed it.
/// </summary>
/// <remarks>
/// Segments start small, so the first words appear quickly, and grow with the answer (three times as long as what has
/// been released, up to <see cref="MaxSegmentCharacters"/>), so the checks and the text re-read at the seams stay few.
/// </remarks>
internal sealed class StreamingOutputGuard(GuardrailEngine engine, GuardrailRequest? request = null)
{
    /// <summary>Already-released text each segment is evaluated with: longer than a canary, a key or an e-mail address.</summary>
    internal const int SeamCharacters = 64;

    /// <summary>The first segment is released at the first boundary after this many characters.</summary>
    internal const int FirstSegmentCharacters = 48;

    internal const int MaxSegmentCharacters = 1024;

    // A model that never ends a sentence still has to be released in bounded pieces.
    private const int MaxHeldCharacters = 4096;

    // What the boundary scan stops at; everything else (most of the text) is skipped by a vectorized search.
    private static readonly SearchValues<char> s_boundaryMarks = SearchValues.Create("[]()\n.!?:;");

    private readonly HeldText _raw = new();

    // What was sent, segment by segment: the held text keeps only what is not yet released and the seam.
    private readonly List<string> _released = [];
    private readonly List<RailFinding> _findings = [];
    private RailAction _action;
    private int _evaluatedLength;

    // Boundary scanning state, carried from one append to the next.
    private int _scanned;
    private int _openBrackets;
    private int _openParentheses;
    private int _lastBoundary = -1;

    public bool IsBlocked => _action == RailAction.Block;

    /// <summary>What the stream produced so far, as a verdict over the whole raw answer.</summary>
    public GuardrailVerdict Verdict =>
        new(
            _action,
            engine.Policy.Version,
            [.. _findings],
            IsBlocked ? engine.RefusalMessage : string.Concat(CollectionsMarshal.AsSpan(_released)));

    /// <summary>Adds model text and returns the text that may be sent now (possibly empty).</summary>
    public string Append(string text)
    {
        if (IsBlocked)
        {
            return string.Empty;
        }

        _raw.Append(text);

        // No boundary can complete a segment before the held text is as long as one, so the scan waits until then
        // and reads what arrived meanwhile in one pass instead of one call per chunk.
        var target = SegmentTarget();
        if (_raw.Length - _evaluatedLength < target)
        {
            return string.Empty;
        }

        var boundary = LastBoundary();
        return boundary - _evaluatedLength >= target ? Release(boundary) : string.Empty;
    }

    /// <summary>Releases whatever is still held at the end of the stream.</summary>
    public string Complete() => IsBlocked || _raw.Length == _evaluatedLength ? string.Empty : Release(_raw.Length);

    // Each check has a fixed cost and re-reads the seam: tripling reaches the largest segment in fewer checks.
    private int SegmentTarget() => Math.Clamp(3 * _evaluatedLength, FirstSegmentCharacters, MaxSegmentCharacters);

    private string Release(int end)
    {
        var windowStart = Math.Max(0, _evaluatedLength - SeamCharacters);
        var seam = _evaluatedLength - windowStart;
        var window = _raw.ToString(windowStart, end - windowStart);
        var (action, findings, edits) = engine.EvaluateOutputSegment(window, request, seam);
        var segment = window[seam..];
        _evaluatedLength = end;
        if (end != _lastBoundary && end < _raw.Length)
        {
            // A forced cut inside an unclosed link: start counting brackets afresh from the cut.
            (_scanned, _openBrackets, _openParentheses, _lastBoundary) = (end, 0, 0, -1);
        }

        // Findings wholly inside the seam were reported with the previous segment.
        foreach (var finding in findings)
        {
            if (finding.Evidence.Count > 0 && finding.Evidence.All(e => e.End <= seam))
            {
                continue;
            }

            _findings.Add(finding with { Evidence = [.. finding.Evidence.Select(e => e with { Start = e.Start + windowStart })] });
            if (finding.Mode == RailMode.Enforce && finding.Action > _action)
            {
                _action = finding.Action;
            }
        }

        if (IsBlocked)
        {
            return string.Empty;
        }

        // The next segment re-reads only the seam; the scan may still have to catch up from where it stopped.
        _raw.DiscardBefore(Math.Min(end - SeamCharacters, _scanned));
        var released = action == RailAction.Redact ? RedactSegment(segment, seam, edits) : segment;
        _released.Add(released);
        return released;
    }

    /// <summary>Applies the edits that reach into the new segment, clipped to it: the seam was sent already.</summary>
    private static string RedactSegment(string segment, int seam, IReadOnlyList<RedactionEdit> edits)
    {
        List<RedactionEdit> local = [];
        foreach (var edit in edits)
        {
            if (edit.End <= seam)
            {
                continue;
            }

            var start = Math.Max(edit.Start, seam);
            local.Add(new RedactionEdit(start - seam, edit.End - start, edit.Replacement));
        }

        return RedactionEdit.Apply(segment, local);
    }

    /// <summary>
    /// The end of the last complete line or sentence in the held text, outside any open markdown link, or a
    /// forced cut (at whitespace if there is any) when too much is held; -1 when there is none yet.
    /// </summary>
    /// <remarks>
    /// Scans only what arrived since the last call, so many small chunks cost one pass over the text, and jumps
    /// between the few characters that can matter (brackets, line breaks, sentence punctuation) with a vectorized
    /// search: every chunk of a stream passes through here.
    /// </remarks>
    private int LastBoundary()
    {
        // Positions are absolute; the kept text starts at offset.
        var raw = _raw.Kept;
        var offset = _raw.Start;
        var (scanned, openBrackets, openParentheses, lastBoundary) = (_scanned, _openBrackets, _openParentheses, _lastBoundary);
        while (scanned < _raw.Length)
        {
            var next = raw[(scanned - offset)..].IndexOfAny(s_boundaryMarks);
            if (next < 0)
            {
                scanned = _raw.Length;
                break;
            }

            scanned += next;
            var c = raw[scanned - offset];
            var endsSentence = c is '.' or '!' or '?' or ':' or ';';
            if (endsSentence && scanned + 1 == _raw.Length)
            {
                // Whether this ends a sentence depends on the next character: look again when it arrives.
                break;
            }

            switch (c)
            {
                case '[':
                    openBrackets++;
                    break;
                case ']' when openBrackets > 0:
                    openBrackets--;
                    break;
                case '(':
                    openParentheses++;
                    break;
                case ')' when openParentheses > 0:
                    openParentheses--;
                    break;
                case '\n' when openBrackets == 0 && openParentheses == 0:
                    lastBoundary = scanned + 1;
                    break;
                case '\n':
                    break;
                default:
                    if (endsSentence && raw[scanned + 1 - offset] is ' ' or '\t' && openBrackets == 0 && openParentheses == 0)
                    {
                        // The boundary is after the space or tab that follows the punctuation.
                        lastBoundary = scanned + 2;
                    }

                    break;
            }

            scanned++;
        }

        (_scanned, _openBrackets, _openParentheses, _lastBoundary) = (scanned, openBrackets, openParentheses, lastBoundary);

        if (_lastBoundary > _evaluatedLength)
        {
            return _lastBoundary;
        }

        if (_raw.Length - _evaluatedLength <= MaxHeldCharacters)
        {
            return -1;
        }

        // Too much held without a boundary: cut after the last whitespace, or hard when there is none at all. Rare, so
        // the whitespace is looked for only here rather than tracked per character.
        for (var i = _raw.Length - 1; i >= _evaluatedLength; i--)
        {
            if (char.IsWhiteSpace(raw[i - offset]))
            {
                return i + 1;
            }
        }

        return _evaluatedLength + MaxHeldCharacters;
    }
}
