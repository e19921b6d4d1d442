namespace GoldenPath.Guardrails;

/// <summary>Per-deployment settings, bound by the host from the <c>GoldenPath:Guardrails</c> configuration section.</summary>
public sealed class GuardrailOptions
{
    /// <summary>The configuration section hosts bind these options from.</summary>
    public const string SectionName = "GoldenPath:Guardrails";

    /// <summary>
    /// A secret marker placed in the system prompt. It has no business appearing in an answer, so seeing it,
    /// even encoded, means the system prompt is leaking and the answer is blocked. Use at least 8 letters or digits.
    /// </summary>
    public string? Canary { get; set; }

    /// <summary>Hosts that links and images in answers may point to; subdomains of a listed host are allowed too.</summary>
    public IList<string> AllowedLinkHosts { get; set; } = [];

    /// <summary>
    /// A policy file to use instead of the embedded default policy. It is the version active at startup; every
    /// other loaded version stays available for <see cref="GuardrailPolicyStore.Activate"/>.
    /// </summary>
    public string? PolicyPath { get; set; }

    /// <summary>
    /// A directory whose <c>*.json</c> files are loaded, in file-name order, as policy versions that can be
    /// activated. Dropping a file here never activates it: a change of rails is always an explicit, audited act.
    /// </summary>
    public string? PoliciesDirectory { get; set; }

    /// <summary>
    /// Reload <see cref="PolicyPath"/> and <see cref="PoliciesDirectory"/> when they change on disk (see
    /// <see cref="PolicyFileWatcher"/>). A changed <see cref="PolicyPath"/> is activated; a broken one is rejected and
    /// the last-known-good version stays active.
    /// </summary>
    public bool WatchPolicyFiles { get; set; } = true;

    public string RefusalMessage { get; set; } = "I can't help with that request.";
}
