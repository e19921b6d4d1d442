namespace GoldenPath.Guardrails;

/// <summary>The scan of a tool result before the model reads it.</summary>
/// <param name="InjectionFound">Whether the result carried instructions aimed at the model.</param>
/// <param name="Mode">The mode of the tool rail; in monitor mode a finding is recorded but the result passes unchanged.</param>
/// <param name="Findings">The injection findings, with spans into the result text.</param>
/// <param name="Text">What to hand to the model: the result, or <see cref="ToolGuard.WithheldResult"/> when it was replaced.</param>
public sealed record ToolResultVerdict(bool InjectionFound, RailMode Mode, IReadOnlyList<RailFinding> Findings, string Text)
{
    public bool IsReplaced => InjectionFound && Mode == RailMode.Enforce;
}
