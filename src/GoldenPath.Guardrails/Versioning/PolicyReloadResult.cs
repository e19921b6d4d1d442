namespace GoldenPath.Guardrails;

/// <summary>What a <see cref="GuardrailPolicyStore.Reload"/> did.</summary>
public enum PolicyReloadStatus
{
    /// <summary>No policy file changed.</summary>
    Unchanged,

    /// <summary>New versions were loaded from the policies directory and can be activated; the active one did not change.</summary>
    Added,

    /// <summary>The policy file changed and its version is now active.</summary>
    Activated,

    /// <summary>A changed file is broken; it was not loaded and the last-known-good version stays active.</summary>
    Rejected,
}

/// <param name="Status">The outcome.</param>
/// <param name="Active">The version active after the reload.</param>
/// <param name="Errors">Every file that was rejected, with its line and the fix; empty unless <see cref="PolicyReloadStatus.Rejected"/>.</param>
public sealed record PolicyReloadResult(PolicyReloadStatus Status, PolicyVersion Active, IReadOnlyList<GuardrailPolicyException> Errors);
