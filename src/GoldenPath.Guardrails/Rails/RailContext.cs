namespace GoldenPath.Guardrails;

/// <summary>The text under evaluation and what the rails have reported about it so far.</summary>
internal sealed class RailContext(NormalizedText text, RailStage stage, GuardrailRequest? request = null)
{
    private List<RailFinding>? _findings;
    private List<RedactionEdit>? _edits;

    public NormalizedText Text { get; } = text;

    public RailStage Stage { get; } = stage;

    public GuardrailRequest Request { get; } = request ?? GuardrailRequest.Empty;

    public IReadOnlyList<RailFinding> Findings => _findings ?? (IReadOnlyList<RailFinding>)[];

    public IReadOnlyList<RedactionEdit> Edits => _edits ?? (IReadOnlyList<RedactionEdit>)[];

    public RailAction Action { get; private set; }

    /// <summary>
    /// How many characters at the start of the raw text were already checked and released with the previous segment
    /// of a stream (the seam). Rails that look for values must still read them, since a value may straddle the
    /// seam; rails that judge whole sentences need not judge those again.
    /// </summary>
    public int SeamLength { get; init; }

    /// <summary>The mode of the rail being run; the engine sets it before each rail so rails never need to know.</summary>
    public RailMode Mode { get; set; }

    /// <summary>
    /// Records a finding. For <see cref="RailAction.Redact"/> each evidence span is replaced by the matching
    /// entry of <c>replacements</c>, or by <c>[REDACTED:CATEGORY]</c> when none is given.
    /// </summary>
    public void Report(
        string rail,
        RailAction action,
        string category,
        double score,
        IReadOnlyList<EvidenceSpan> evidence,
        IReadOnlyList<string>? replacements = null)
    {
        if (action == RailAction.Allow)
        {
            return;
        }

        (_findings ??= []).Add(new RailFinding(rail, Stage, action, category, score, evidence) { Mode = Mode });
        if (Mode == RailMode.Monitor)
        {
            // Watched, not enforced: recorded for telemetry and the verdict, but the text passes untouched.
            return;
        }

        if (action > Action)
        {
            Action = action;
        }

        if (action != RailAction.Redact)
        {
            return;
        }

        var token = RedactionEdit.TokenFor(category);
        for (var i = 0; i < evidence.Count; i++)
        {
            (_edits ??= []).Add(new RedactionEdit(evidence[i].Start, evidence[i].Length, replacements?[i] ?? token));
        }
    }
}
