namespace GoldenPath.Guardrails;

/// <summary>
/// What a guarded tool call returns to the model instead of a result when it does not run: denied by policy, held for
/// a person's approval, or refused because approval is needed and no queue is configured. The model reads these as
/// the tool's result and passes them on, so they say plainly that nothing ran. Every one of them contains
/// <see cref="NotRunMarker"/>, which <see cref="DidNotRun"/> looks for: a security test that sees the model ask for a
/// forbidden tool can then tell a call the rails stopped from one that ran.
/// </summary>
public static class ToolCallResults
{
    /// <summary>The phrase every result of a call that was not run contains.</summary>
    public const string NotRunMarker = "did not run";

    /// <summary>The call was denied by the tool rails (not in the caller's catalog, bad arguments, over the turn's limit).</summary>
    public static string Denied(string tool, string reason) =>
        $"The call to {tool} was denied by policy and {NotRunMarker}. {reason}";

    /// <summary>The call needs approval and waits as <paramref name="ticket"/> in the approval queue.</summary>
    public static string PendingApproval(string tool, string ticket) =>
        $"The call to {tool} {NotRunMarker}: it needs a person's approval. It is waiting as ticket {ticket}; tell the user the request is pending approval.";

    /// <summary>The call needs approval, and no queue is configured, so nobody could ever approve it.</summary>
    public static string ApprovalUnavailable(string tool) =>
        $"The call to {tool} needs a person's approval, but no approval queue is configured, so it {NotRunMarker}.";

    /// <summary>True when <paramref name="result"/> is what a guarded call to <paramref name="tool"/> returns instead of running.</summary>
    public static bool DidNotRun(string tool, string? result) =>
        result is not null
        && result.StartsWith($"The call to {tool} ", StringComparison.Ordinal)
        && result.Contains(NotRunMarker, StringComparison.Ordinal);
}
