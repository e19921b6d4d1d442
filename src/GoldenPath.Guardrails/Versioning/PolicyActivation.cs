namespace GoldenPath.Guardrails;

/// <summary>One change of the active policy version, kept for audit.</summary>
/// <param name="VersionId">The version that became active.</param>
/// <param name="Actor">Who made the change (a user id for an administrator, <see cref="GuardrailPolicyStore.StartupActor"/> at startup).</param>
/// <param name="Reason">Why, in the actor's words; may be empty.</param>
/// <param name="At">When the version became active.</param>
/// <param name="PreviousVersionId">The version it replaced; null for the activation made at startup.</param>
public sealed record PolicyActivation(string VersionId, string Actor, string Reason, DateTimeOffset At, string? PreviousVersionId);
