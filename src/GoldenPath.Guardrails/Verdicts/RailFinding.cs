namespace GoldenPath.Guardrails;

/// <summary>One rail's decision about one category of problem.</summary>
/// <param name="Rail">The rail that produced the finding, for example <c>pii</c>.</param>
/// <param name="Stage">Whether the text was model input or model output.</param>
/// <param name="Action">The action the policy assigns to this finding.</param>
/// <param name="Category">A stable, low-cardinality label such as <c>email</c> or <c>instruction-override</c>.</param>
/// <param name="Score">Confidence in [0, 1].</param>
/// <param name="Evidence">Spans of the evaluated text; never the text itself, so findings are safe to log.</param>
public sealed record RailFinding(
    string Rail,
    RailStage Stage,
    RailAction Action,
    string Category,
    double Score,
    IReadOnlyList<EvidenceSpan> Evidence)
{
    /// <summary>
    /// <see cref="RailMode.Monitor"/> when the rail only watches: the finding is reported and counted, but its
    /// <see cref="Action"/> (what enforcing would have done) did not change the verdict.
    /// </summary>
    public RailMode Mode { get; init; }
}
