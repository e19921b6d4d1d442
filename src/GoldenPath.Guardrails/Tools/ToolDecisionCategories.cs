namespace GoldenPath.Guardrails;

/// <summary>Stable, low-cardinality reasons for a tool decision, used as <c>gen_ai.security.rule</c> in telemetry.</summary>
public static class ToolDecisionCategories
{
    public const string Allowed = "allowed";
    public const string RailDisabled = "rail-disabled";
    public const string UnknownTool = "unknown-tool";
    public const string RoleNotAllowed = "role-not-allowed";
    public const string InvalidArguments = "invalid-arguments";

    /// <summary>An argument was blocked by an input rail (an injection or a secret, for example).</summary>
    public const string ArgumentRejected = "argument-rejected";

    public const string TooManyCalls = "too-many-calls";
    public const string ApprovalRequired = "approval-required";

    /// <summary>A tool result carried instructions aimed at the model and was withheld.</summary>
    public const string IndirectInjection = "indirect-injection";
}
