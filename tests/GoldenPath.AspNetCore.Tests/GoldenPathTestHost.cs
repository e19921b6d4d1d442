using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GoldenPath.AspNetCore.Tests;

/// <summary>A real ASP.NET Core pipeline with the GoldenPath defaults, served in memory.</summary>
internal static class GoldenPathTestHost
{
    public static async Task<WebApplication> StartAsync(
        string environment,
        IDictionary<string, string?>? settings = null,
        Action<WebApplication>? map = null,
        Action<WebApplicationBuilder>? configureBuilder = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        configureBuilder?.Invoke(builder);
        builder.AddGoldenPathDefaults();

        var app = builder.Build();
        app.UseGoldenPathDefaults();
        map?.Invoke(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
