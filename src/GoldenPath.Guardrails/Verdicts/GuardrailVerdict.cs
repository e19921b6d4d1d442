namespace GoldenPath.Guardrails;

/// <summary>The combined decision of every rail that looked at a piece of text.</summary>
/// <param name="Action">The most severe action among <paramref name="Findings"/>.</param>
/// <param name="PolicyVersion">The version of the policy that produced the decision, for audit.</param>
/// <param name="Findings">Everything the rails reported, including flags.</param>
/// <param name="Text">
/// The text the caller should use: the original text for <see cref="RailAction.Allow"/> and
/// <see cref="RailAction.Flag"/>, the rewritten text for <see cref="RailAction.Redact"/>, and the refusal
/// message for <see cref="RailAction.Block"/>, so blocked content never travels further inside a verdict.
/// </param>
public sealed record GuardrailVerdict(
    RailAction Action,
    string PolicyVersion,
    IReadOnlyList<RailFinding> Findings,
    string Text)
{
    /// <summary>The key under which the verdict is stored in <c>ChatResponse.AdditionalProperties</c>.</summary>
    public const string PropertyName = "goldenpath.verdict";

    public bool IsBlocked => Action == RailAction.Block;

    /// <summary>
    /// Merges the verdicts of two stages (typically input then output): the most severe action wins,
    /// findings are concatenated in order and the text is the one of <paramref name="second"/>.
    /// </summary>
    public static GuardrailVerdict Combine(GuardrailVerdict first, GuardrailVerdict second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);

        RailFinding[] findings = [.. first.Findings, .. second.Findings];
        var action = first.Action > second.Action ? first.Action : second.Action;
        return new GuardrailVerdict(action, second.PolicyVersion, findings, second.Text);
    }
}
