using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
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
        // Roles are read from the same claims that become role: principals, so an issuer's "roles" claim
        // (Entra ID, most OIDC providers) works without touching the token handler's role claim type.
        var claims = builder.Configuration.GetSection(PrincipalClaimOptions.SectionName).Get<PrincipalClaimOptions>() ?? new PrincipalClaimOptions();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.ToPrincipalSet(claims).Contains("role:admin")));
        return builder;
    }
}
