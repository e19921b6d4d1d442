namespace GoldenPath.AspNetCore.Management;

/// <summary>The optional body of an activation or rollback.</summary>
public sealed class PolicyChangeRequest
{
    /// <summary>The longest reason accepted; an audit entry is a note, not a document.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Why the change is made, kept in the audit log and the store's history.</summary>
    public string? Reason { get; init; }
}
