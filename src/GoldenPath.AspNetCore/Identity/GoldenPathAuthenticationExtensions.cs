using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace GoldenPath.AspNetCore.Identity;

public static class GoldenPathAuthenticationExtensions
{
    /// <summary>Asymmetric algorithms only: a shared HMAC secret is a development convenience, not an identity system.</summary>
    public static readonly IReadOnlyList<string> ProductionAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>
    /// JWT bearer bound from <c>Authentication:Schemes:Bearer</c> (where <c>dotnet user-jwts</c> and any OIDC issuer
    /// are configured), then hardened: issuer, audience, lifetime and signature are always validated, whatever
    /// the configuration says, and clock skew is capped.
    /// </summary>
    public static TBuilder AddGoldenPathAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<PrincipalClaimOptions>().BindConfiguration(PrincipalClaimOptions.SectionName);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();

        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            // Claim names stay as the issuer wrote them, so principal mapping is predictable.
            options.MapInboundClaims = false;
            options.RequireHttpsMetadata = !isDevelopment;

            var parameters = options.TokenValidationParameters;
            parameters.ValidateIssuer = true;
            parameters.ValidateAudience = true;
            parameters.ValidateLifetime = true;
            parameters.ValidateIssuerSigningKey = true;
            parameters.RequireExpirationTime = true;
            parameters.RequireSignedTokens = true;
            parameters.ClockSkew = TimeSpan.FromSeconds(30);
            parameters.ValidAlgorithms = isDevelopment
                ? [.. ProductionAlgorithms, SecurityAlgorithms.HmacSha256]
                : ProductionAlgorithms;
        });
        return builder;
    }
}
