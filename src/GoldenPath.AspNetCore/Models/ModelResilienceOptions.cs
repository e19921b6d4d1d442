namespace GoldenPath.AspNetCore.Models;

/// <summary>
/// Bound from <c>GoldenPath:Model:Resilience</c>. Applies only to the model provider's HTTP client, so a slow
/// model never changes how other outgoing calls behave.
/// </summary>
public sealed class ModelResilienceOptions
{
    /// <summary>Retries after the first attempt on 408, 429, 5xx, timeouts and transport errors; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff step; later ones grow exponentially, with jitter so clients do not retry in lockstep.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any single wait, including one a server asks for with <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed attempts within the sampling window that opens the circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>
    /// Attempts needed in the window before the ratio counts. Model traffic is low-volume, so this is far below the
    /// HTTP defaults, which would never open for a chat service.
    /// </summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long calls fail fast once the circuit is open, before one trial call is let through.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
