namespace GoldenPath.Guardrails;

public enum ToolApprovalStatus
{
    Pending = 0,
    Approved = 1,
    Denied = 2,
}
