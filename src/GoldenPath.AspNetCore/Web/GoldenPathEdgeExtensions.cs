using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Web;

/// <summary>What the service believes about its callers' origin: CORS and forwarded headers, both closed unless configured.</summary>
public static class GoldenPathEdgeExtensions
{
    private const string CorsPolicy = "goldenpath";

    public static TBuilder AddGoldenPathEdge<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<GoldenPathCorsOptions>()
            .BindConfiguration(GoldenPathCorsOptions.SectionName)
            .Validate(o => o.AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/"),
                $"{GoldenPathCorsOptions.SectionName}:AllowedOrigins takes exact origins such as https://portal.example.com; wildcards are not accepted.")
            .ValidateOnStart();
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, _ => { }));
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<GoldenPathCorsOptions>>((cors, settings) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. settings.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                .WithMethods("GET", "POST")
                .WithHeaders("Authorization", "Content-Type")));

        builder.Services.AddOptions<ForwardedHeadersSettings>()
            .BindConfiguration(ForwardedHeadersSettings.SectionName)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), $"{ForwardedHeadersSettings.SectionName}:KnownProxies must be IP addresses.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), $"{ForwardedHeadersSettings.SectionName}:KnownNetworks must be CIDR networks such as 10.0.0.0/8.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((forwarded, settings) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the listed proxies are believed; by default not even loopback is.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>Forwarded headers first (so limits see the real client), CORS only when origins are configured.</summary>
    public static WebApplication UseGoldenPathForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.IsConfigured)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    public static WebApplication UseGoldenPathCors(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<GoldenPathCorsOptions>>().Value.AllowedOrigins.Count > 0)
        {
            app.UseCors(CorsPolicy);
        }

        return app;
    }
}
