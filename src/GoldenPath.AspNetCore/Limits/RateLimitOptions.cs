namespace GoldenPath.AspNetCore.Limits;

/// <summary>Request rates per caller, so one user or one address cannot monopolise the model.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "GoldenPath:RateLimits";

    /// <summary>Requests one authenticated user may make per <see cref="Window"/>.</summary>
    public int PerUser { get; set; } = 30;

    /// <summary>Requests one client address may make per <see cref="Window"/>, authenticated or not.</summary>
    public int PerAddress { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
