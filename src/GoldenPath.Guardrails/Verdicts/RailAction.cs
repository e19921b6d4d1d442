namespace GoldenPath.Guardrails;

/// <summary>
/// What a rail decided. Values are ordered by severity so that the action of a verdict is simply
/// the maximum over its findings.
/// </summary>
public enum RailAction
{
    Allow = 0,

    /// <summary>Let the text through unchanged but record the finding.</summary>
    Flag = 1,

    /// <summary>Let the text through with the offending spans rewritten.</summary>
    Redact = 2,

    Block = 3,
}
