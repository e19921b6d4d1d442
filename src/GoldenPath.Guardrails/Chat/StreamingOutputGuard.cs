using System.Text;

namespace GoldenPath.Guardrails;

/// <summary>
/// Output rails for a streamed answer. Text is held back until a line or sentence boundary, evaluated, and
/// released (redacted if needed), so that a value to redact is never split across two releases. Independently,
/// every append is checked together with the recent already-released text so a block ends the stream as soon
/// as it can be seen, even when it spans a boundary.
/// </summary>
internal sealed class StreamingOutputGuard(GuardrailEngine engine, GuardrailRequest? request = null)
{
    // Enough context to see a canary, key or link that started in text already released.
    private const int ContextCharacters = 512;

    // A model that never ends a sentence still has to be released in bounded pieces.
    private const int MaxHeldCharacters = 4096;

    private readonly StringBuilder _raw = new();
    private readonly StringBuilder _released = new();
    private readonly List<RailFinding> _findings = [];
    private RailAction _action;
    private int _evaluatedLength;

    public bool IsBlocked => _action == RailAction.Block;

    /// <summary>What the stream produced so far, as a verdict over the whole raw answer.</summary>
    public GuardrailVerdict Verdict =>
        new(_action, engine.Policy.Version, [.. _findings], IsBlocked ? engine.RefusalMessage : _released.ToString());

    /// <summary>Adds model text and returns the text that may be sent now (possibly empty).</summary>
    public string Append(string text)
    {
        if (IsBlocked)
        {
            return string.Empty;
        }

        _raw.Append(text);

        var windowStart = Math.Max(0, _evaluatedLength - ContextCharacters);
        var window = engine.Evaluate(_raw.ToString(windowStart, _raw.Length - windowStart), RailStage.Output, request);
        if (window.IsBlocked)
        {
            Absorb(window, windowStart, onlyBlocks: true);
            return string.Empty;
        }

        var boundary = LastBoundary();
        return boundary > _evaluatedLength ? Release(boundary) : string.Empty;
    }

    /// <summary>Releases whatever is still held at the end of the stream.</summary>
    public string Complete() => IsBlocked || _raw.Length == _evaluatedLength ? string.Empty : Release(_raw.Length);

    private string Release(int end)
    {
        var start = _evaluatedLength;
        var verdict = engine.Evaluate(_raw.ToString(start, end - start), RailStage.Output, request);
        _evaluatedLength = end;
        Absorb(verdict, start, onlyBlocks: false);
        if (verdict.IsBlocked)
        {
            return string.Empty;
        }

        _released.Append(verdict.Text);
        return verdict.Text;
    }

    /// <summary>Keeps findings with evidence shifted to offsets in the whole raw answer.</summary>
    private void Absorb(GuardrailVerdict verdict, int offset, bool onlyBlocks)
    {
        foreach (var finding in verdict.Findings)
        {
            if (onlyBlocks && finding.Action != RailAction.Block)
            {
                continue;
            }

            var evidence = finding.Evidence.Select(e => e with { Start = e.Start + offset }).ToArray();
            _findings.Add(finding with { Evidence = evidence });
            if (finding.Mode == RailMode.Enforce && finding.Action > _action)
            {
                _action = finding.Action;
            }
        }
    }

    /// <summary>
    /// The end of the last complete line or sentence in the held text, outside any open markdown link, or a
    /// forced cut at whitespace when too much is held.
    /// </summary>
    private int LastBoundary()
    {
        var openBrackets = 0;
        var openParentheses = 0;
        var boundary = -1;
        var lastWhitespace = -1;
        for (var i = _evaluatedLength; i < _raw.Length; i++)
        {
            var c = _raw[i];
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
            }

            if (char.IsWhiteSpace(c))
            {
                lastWhitespace = i + 1;
            }

            var atBoundary = c == '\n'
                || (c is ' ' or '\t' && i > 0 && _raw[i - 1] is '.' or '!' or '?' or ':' or ';');
            if (atBoundary && openBrackets == 0 && openParentheses == 0)
            {
                boundary = i + 1;
            }
        }

        if (boundary < 0 && _raw.Length - _evaluatedLength > MaxHeldCharacters && lastWhitespace > _evaluatedLength)
        {
            boundary = lastWhitespace;
        }

        return boundary;
    }
}
