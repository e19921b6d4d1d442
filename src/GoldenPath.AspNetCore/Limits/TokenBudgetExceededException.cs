namespace GoldenPath.AspNetCore.Limits;

/// <summary>Raised by the chat pipeline when a user's token budget for the current window is spent.</summary>
public sealed class TokenBudgetExceededException(TimeSpan retryAfter)
    : Exception($"The token budget for this period is spent. Retry after {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
