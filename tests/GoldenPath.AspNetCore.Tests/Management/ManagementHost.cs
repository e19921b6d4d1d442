using System.Net.Http.Headers;
using GoldenPath.AspNetCore.Management;
using GoldenPath.AspNetCore.Tests.Identity;
using GoldenPath.Guardrails;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Tests.Management;

/// <summary>The GoldenPath defaults with the management API mapped, a policies directory and a captured audit log.</summary>
internal sealed class ManagementHost : IAsyncDisposable
{
    private readonly PolicyDirectory _policies;

    private ManagementHost(WebApplication app, PolicyDirectory policies, CapturingLoggerProvider audit)
    {
        App = app;
        _policies = policies;
        Audit = audit;
    }

    public WebApplication App { get; }

    public CapturingLoggerProvider Audit { get; }

    public GuardrailPolicyStore Store => App.Services.GetRequiredService<GuardrailPolicyStore>();

    public static async Task<ManagementHost> StartAsync()
    {
        var policies = new PolicyDirectory();
        var audit = new CapturingLoggerProvider(GuardrailPolicyAudit.LoggerCategory);
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Guardrails:PoliciesDirectory"] = policies.Path;
        var app = await GoldenPathTestHost.StartAsync("Development", settings, app =>
        {
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(audit);
            app.MapGoldenPathManagement();
        });
        return new ManagementHost(app, policies, audit);
    }

    /// <summary>
    /// A token carrying <paramref name="roles"/> under the claim type the host reads roles from, so these tests
    /// exercise the management endpoints rather than the issuer's claim naming.
    /// </summary>
    public string Token(string? user, params string[] roles)
    {
        var bearer = App.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        return AdminTokens.Create(user, "roles", roles);
    }

    public HttpClient Client(string? token)
    {
        var client = App.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _policies.Dispose();
    }
}
