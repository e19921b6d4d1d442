namespace GoldenPath.Fast;

/// <summary>What the app under test returned for the last turn of an attack.</summary>
/// <param name="StatusCode">HTTP status, or 0 when no response arrived (connection refused, timeout, DNS failure).</param>
/// <param name="Text">The answer, the error description, or the transport error message.</param>
/// <param name="Latency">Time for the whole conversation.</param>
public sealed record TargetResponse(int StatusCode, string Text, TimeSpan Latency)
{
    public const int NoResponse = 0;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>
    /// Tool calls the model made during the conversation, for targets that can see them (<see cref="ChatClientTarget"/>);
    /// empty for targets that only see the final text.
    /// </summary>
    public IReadOnlyList<ObservedToolCall> ToolCalls { get; init; } = [];
}
