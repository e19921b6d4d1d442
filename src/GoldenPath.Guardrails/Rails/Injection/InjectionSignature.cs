using System.Runtime.CompilerServices;
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
    // Keyed by the pattern rather than held in a field, which `with` would copy onto a signature with another pattern.
    private static readonly ConditionalWeakTable<Regex, Regex> s_anchored = new();

    public bool NeedsLayout { get; init; }

    /// <summary>
    /// The pattern, matching only where the search starts (<c>\G</c>): for signatures whose matches start at known
    /// words, trying it at those words alone is far cheaper than a search through every position between them.
    /// </summary>
    /// <remarks>
    /// Built on first use, so only signatures that have leads pay for it; compiled, since it runs on every request
    /// that mentions one of their anchors.
    /// </remarks>
    public Regex Anchored =>
        s_anchored.GetValue(Pattern, static pattern => new Regex(@"\G(?:" + pattern + ")", pattern.Options | RegexOptions.Compiled));
}
