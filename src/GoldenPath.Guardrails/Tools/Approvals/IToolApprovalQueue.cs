namespace GoldenPath.Guardrails;

/// <summary>Where tool calls that need a person's approval wait for one. Implementations must be thread-safe.</summary>
public interface IToolApprovalQueue
{
    /// <summary>Holds a call and returns the id of its ticket.</summary>
    string Enqueue(ToolCallRequest call, GuardrailRequest request);

    /// <summary>The tickets still waiting, oldest first.</summary>
    IReadOnlyList<ToolApprovalTicket> Pending { get; }

    /// <summary>The ticket with this id, pending or decided; null when it is unknown or expired.</summary>
    ToolApprovalTicket? Find(string ticketId);

    /// <summary>Approves a pending call and records who did.</summary>
    /// <exception cref="KeyNotFoundException">No ticket has this id (it never existed or expired).</exception>
    /// <exception cref="InvalidOperationException">The ticket was already decided.</exception>
    ToolApprovalTicket Approve(string ticketId, string approver);

    /// <summary>Denies a pending call and records who did.</summary>
    /// <exception cref="KeyNotFoundException">No ticket has this id (it never existed or expired).</exception>
    /// <exception cref="InvalidOperationException">The ticket was already decided.</exception>
    ToolApprovalTicket Deny(string ticketId, string approver);
}
