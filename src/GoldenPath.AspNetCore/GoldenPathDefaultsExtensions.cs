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
        builder.AddGoldenPathRequestLimits();
        builder.AddGoldenPathProblemDetails();
        builder.AddGoldenPathTelemetry();
        builder.AddGoldenPathGuardrails();
        builder.AddGoldenPathChatClient();
        return builder;
    }

    /// <summary>
    /// Middleware in the order the controls depend on: errors become problem details first, headers are
    /// set on every response (including errors), and limits run before any endpoint reads the body.
    /// </summary>
    public static WebApplication UseGoldenPathDefaults(this WebApplication app)
    {
        app.UseGoldenPathProblemDetails();
        app.UseGoldenPathSecurityHeaders();
        app.UseGoldenPathRequestLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
