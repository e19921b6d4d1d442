namespace GoldenPath.Fast;

/// <summary>Spaces requests to a steady rate with a bucket of one token, so a scan never bursts at a shared app.</summary>
internal sealed class TokenBucket
{
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private long nextTimestamp;

    public TokenBucket(double ratePerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        this.time = time;
        interval = TimeSpan.FromSeconds(1 / ratePerSecond);
        nextTimestamp = time.GetTimestamp();
    }

    /// <summary>Waits until the next token is due, then takes it.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetTimestamp();
            var due = Math.Max(now, nextTimestamp);
            nextTimestamp = due + (long)(interval.TotalSeconds * time.TimestampFrequency);
            wait = time.GetElapsedTime(now, due);
        }

        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, cancellationToken);
    }
}
