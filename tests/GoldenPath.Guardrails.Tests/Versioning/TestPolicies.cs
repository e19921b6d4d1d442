namespace GoldenPath.Guardrails.Tests.Versioning;

/// <summary>Small policies whose behaviour differs from the default in a way a verdict shows.</summary>
internal static class TestPolicies
{
    /// <summary>Text the default policy redacts (an e-mail address) and <see cref="WithoutPii"/> lets through.</summary>
    public const string Email = "Write to jane@example.com about the travel policy.";

    /// <summary>A policy that turns the PII rail off.</summary>
    public static string WithoutPii(string version) => $$"""
        {
          "version": "{{version}}",
          "rails": {
            "pii": { "enabled": false }
          }
        }
        """;

    /// <summary>A policy that keeps every default but the secrets output action.</summary>
    public static string StrictSecrets(string version) => $$"""
        {
          "version": "{{version}}",
          "rails": {
            "secrets": { "output": "block" }
          }
        }
        """;
}
