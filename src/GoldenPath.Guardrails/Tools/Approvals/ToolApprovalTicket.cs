namespace GoldenPath.Guardrails;

/// <summary>
/// A held tool call. An approved ticket carries everything needed to run the call on the person's behalf; the
/// queue itself never runs anything.
/// </summary>
/// <param name="Id">An unguessable id, safe to show to the user and to log.</param>
/// <param name="Call">The call as the model asked for it.</param>
/// <param name="Roles">The roles of the caller the call was made for.</param>
/// <param name="RequestedAt">When the call was held.</param>
public sealed record ToolApprovalTicket(string Id, ToolCallRequest Call, IReadOnlyList<string> Roles, DateTimeOffset RequestedAt)
{
    public ToolApprovalStatus Status { get; init; }

    /// <summary>Who approved or denied the call; null while pending.</summary>
    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }
}
