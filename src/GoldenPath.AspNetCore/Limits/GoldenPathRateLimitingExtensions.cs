using System.Globalization;
using System.Threading.RateLimiting;
using GoldenPath.AspNetCore.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Limits;

public static class GoldenPathRateLimitingExtensions
{
    /// <summary>
    /// Two fixed windows chained: one per authenticated user and one per client address. Health probes are exempt,
    /// so an orchestrator never sees a throttled service as a dead one.
    /// </summary>
    public static TBuilder AddGoldenPathRateLimiting<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .Validate(o => o.PerUser > 0 && o.PerAddress > 0, $"{RateLimitOptions.SectionName}:PerUser and PerAddress must be positive.")
            .Validate(o => o.Window > TimeSpan.Zero, $"{RateLimitOptions.SectionName}:Window must be positive.")
            .ValidateOnStart();

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IOptions<PrincipalClaimOptions>>((limiter, limits, claims) =>
        {
            var options = limits.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    !IsProbe(context) && context.User.UserKey(claims.Value) is { } user
                        ? RateLimitPartition.GetFixedWindowLimiter(user, _ => Window(options.PerUser, options.Window))
                        : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    IsProbe(context)
                        ? RateLimitPartition.GetNoLimiter(string.Empty)
                        : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Window(options.PerAddress, options.Window))));
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static bool IsProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive");

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"The request rate limit was reached. Retry after {seconds} seconds.")
            .ExecuteAsync(context);
    }

    /// <summary>Runs after authentication, so limits can tell users apart.</summary>
    public static WebApplication UseGoldenPathRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
