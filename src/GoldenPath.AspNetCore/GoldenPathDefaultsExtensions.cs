using GoldenPath.AspNetCore.Fast;
using GoldenPath.AspNetCore.Guardrails;
using GoldenPath.AspNetCore.Identity;
using GoldenPath.AspNetCore.Limits;
using GoldenPath.AspNetCore.Models;
using GoldenPath.AspNetCore.Telemetry;
using GoldenPath.AspNetCore.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace GoldenPath.AspNetCore;

/// <summary>
/// The one call a golden-path service makes to inherit every control. Each concern lives in its own
/// extension so a team can read, test and (where the README allows) tune it on its own.
/// </summary>
public static class GoldenPathDefaultsExtensions
{
    public static TBuilder AddGoldenPathDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddGoldenPathAuthentication();
        builder.AddGoldenPathAuthorization();
        builder.AddGoldenPathEdge();
        builder.AddGoldenPathRequestLimits();
        builder.AddGoldenPathRateLimiting();
        builder.AddGoldenPathProblemDetails();
        builder.AddGoldenPathTelemetry();
        builder.AddGoldenPathRedaction();
        builder.AddGoldenPathGuardrails();
        builder.AddGoldenPathChatClient();
        builder.AddGoldenPathFastHooks();
        return builder;
    }

    /// <summary>
    /// Middleware in the order the controls depend on: the real client address first, errors become problem details,
    /// headers are set on every response (including errors), body limits run before any endpoint reads the body,
    /// and rate limits run after authentication so they can tell users apart.
    /// </summary>
    public static WebApplication UseGoldenPathDefaults(this WebApplication app)
    {
        app.UseGoldenPathForwardedHeaders();
        app.UseGoldenPathProblemDetails();
        app.UseGoldenPathSecurityHeaders();
        app.UseGoldenPathCors();
        app.UseGoldenPathRequestLimits();
        app.UseAuthentication();
        app.UseGoldenPathRateLimiting();
        app.UseAuthorization();
        return app;
    }
}
