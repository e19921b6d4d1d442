using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GoldenPath.AspNetCore.Identity;

public static class GoldenPathAuthorizationExtensions
{
    /// <summary>Guards management endpoints (policy versions, rollbacks, approvals).</summary>
    public const string AdminPolicy = "admin";

    /// <summary>
    /// Deny by default: every endpoint requires an authenticated caller unless it opts out explicitly
    /// (health probes do, through <c>AllowAnonymous</c>).
    /// </summary>
    public static TBuilder AddGoldenPathAuthorization<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole("admin"));
        return builder;
    }
}
