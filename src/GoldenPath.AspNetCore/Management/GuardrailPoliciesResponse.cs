using GoldenPath.Guardrails;

namespace GoldenPath.AspNetCore.Management;

/// <summary>The body of <c>GET /admin/guardrails/policies</c>.</summary>
/// <param name="Active">The version new evaluations use.</param>
/// <param name="Versions">Every loaded version, in load order.</param>
/// <param name="History">Every activation, oldest first, starting with the one made at startup.</param>
public sealed record GuardrailPoliciesResponse(PolicyVersion Active, IReadOnlyList<PolicyVersion> Versions, IReadOnlyList<PolicyActivation> History);
