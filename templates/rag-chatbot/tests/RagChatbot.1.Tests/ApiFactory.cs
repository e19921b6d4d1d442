using System.Net.Http.Headers;
using GoldenPath.AspNetCore.Models;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagChatbot._1.Tests;

/// <summary>
/// The real Api in memory, in a non-Development environment so production rules apply (asymmetric tokens only),
/// on the offline model so answers are deterministic.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string Canary = "GPCANARY-3f9a1c7e5b2d4086";

    /// <summary>Configuration for one test on top of the defaults below, e.g. a tighter limit or another document folder.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>The host environment; Testing unless a test is about what production refuses.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>An extra log sink, e.g. to read why startup failed.</summary>
    public ILoggerProvider? Logs { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>
        {
            ["GoldenPath:Model:Provider"] = "Offline",
            // The embedded store keeps these tests free of any server; the PostgreSQL store has its own tests in its package.
            ["GoldenPath:Retrieval:Store"] = "Embedded",
            ["GoldenPath:Retrieval:Dimensions"] = "384",
            ["GoldenPath:Guardrails:Canary"] = Canary,
            // Generous enough that only the tests about limits ever reach them.
            ["GoldenPath:RateLimits:PerUser"] = "1000",
            ["GoldenPath:RateLimits:PerAddress"] = "1000",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        if (Logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }

        builder.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.TokenValidationParameters.ValidIssuer = TestTokens.Issuer;
                options.TokenValidationParameters.ValidAudience = TestTokens.Audience;
                options.TokenValidationParameters.IssuerSigningKey = TestTokens.SigningKey;
            }));
    }

    internal HttpClient CreateClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal HttpClient CreateClient(DemoUser user) => CreateClient(TestTokens.Create(user));

    /// <summary>
    /// This API with <paramref name="model"/> in place of the configured provider. The guarded pipeline is built around
    /// whatever is registered under the provider key, so every control still stands between callers and the model.
    /// </summary>
    internal WebApplicationFactory<Program> WithModel(IChatClient model) =>
        WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddKeyedSingleton(GoldenPathChatClientExtensions.ProviderServiceKey, model)));
}
