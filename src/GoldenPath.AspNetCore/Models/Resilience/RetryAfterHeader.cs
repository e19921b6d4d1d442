namespace GoldenPath.AspNetCore.Models.Resilience;

/// <summary>Reads the wait a rate-limited or overloaded provider asks for, in either form HTTP allows.</summary>
internal static class RetryAfterHeader
{
    public static bool TryGetDelay(HttpResponseMessage response, DateTimeOffset now, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            delay = delta;
        }
        else if (retryAfter?.Date is { } date)
        {
            // A date already past means "now", not "ignore the header".
            delay = date > now ? date - now : TimeSpan.Zero;
        }
        else
        {
            return false;
        }

        return true;
    }
}
