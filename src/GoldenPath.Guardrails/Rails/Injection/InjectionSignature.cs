using System.Text.RegularExpressions;

namespace GoldenPath.Guardrails;

/// <summary>
/// A pattern that suggests an injection attempt, with a probability-like weight for how much it alone
/// should count; signatures combine as independent evidence (noisy-OR). <see cref="Anchors"/> are lower-case
/// substrings that every match contains, so a cheap search can rule the pattern out before it runs.
/// Most signatures match the folded view, which undoes obfuscation but also collapses line breaks; those
/// that depend on the layout of the original text set <see cref="NeedsLayout"/> and match its lower-cased form.
/// </summary>
internal sealed record InjectionSignature(string Id, string Category, double Weight, Regex Pattern, string[] Anchors)
{
    public bool NeedsLayout { get; init; }
}
