namespace GoldenPath.Guardrails;

public enum ToolDecisionKind
{
    Allow = 0,

    /// <summary>The call may only run once a person approves it.</summary>
    PendingApproval = 1,

    Deny = 2,
}
