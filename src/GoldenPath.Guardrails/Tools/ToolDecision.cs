namespace GoldenPath.Guardrails;

/// <summary>What the tool rail decided about one call.</summary>
/// <param name="Kind">The decision as the policy makes it, also in monitor mode.</param>
/// <param name="Category">One of <see cref="ToolDecisionCategories"/>.</param>
/// <param name="Reason">
/// A sentence for the model or a reviewer. It names arguments by their JSON pointer, never by their value, and is
/// not written to telemetry.
/// </param>
/// <param name="Mode">The mode of the tool rail when the decision was made.</param>
/// <param name="Findings">What the input rails reported about the string arguments (spans refer to the argument's own text).</param>
public sealed record ToolDecision(
    ToolDecisionKind Kind,
    string Category,
    string Reason,
    RailMode Mode,
    IReadOnlyList<RailFinding> Findings)
{
    /// <summary>
    /// Whether the tool may run now: allowed calls, and in <see cref="RailMode.Monitor"/> every call, because a rule
    /// under observation must not change what the application does.
    /// </summary>
    public bool MayRun => Kind == ToolDecisionKind.Allow || Mode == RailMode.Monitor;

    /// <summary>Whether the tool loop must stop after this call: the turn used up its calls.</summary>
    public bool EndsTurn => Mode == RailMode.Enforce && Category == ToolDecisionCategories.TooManyCalls;
}
