using GoldenPath.AspNetCore.Management;
using GoldenPath.AspNetCore.Tests.Identity;
using GoldenPath.Guardrails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenPath.AspNetCore.Tests.Management;

public sealed class GuardrailsRegistrationTests
{
    [Fact]
    public async Task A_broken_policy_file_stops_startup_with_file_and_line()
    {
        using var policies = new PolicyDirectory();
        var broken = policies.Write("broken.json", "{\n  \"version\": \"2026.12.03.1\",\n  \"rails\": { \"pii\": { \"input\": \"deny\" } }\n}");
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Guardrails:PoliciesDirectory"] = policies.Path;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GoldenPathTestHost.StartAsync("Development", settings));

        var policyError = Assert.IsType<GuardrailPolicyException>(error);
        Assert.Equal(broken, policyError.Source);
        Assert.StartsWith($"{broken}(3): ", policyError.Message);
        Assert.Contains("Fix:", policyError.Message);
    }

    [Fact]
    public async Task Policy_path_is_active_at_startup()
    {
        using var policies = new PolicyDirectory();
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Guardrails:PolicyPath"] = Path.Combine(policies.Path, "relaxed-pii.json");

        await using var app = await GoldenPathTestHost.StartAsync("Development", settings);

        Assert.Equal(PolicyDirectory.ExtraVersion, app.Services.GetRequiredService<GuardrailPolicyStore>().Active.Id);
    }

    [Fact]
    public async Task Resolved_engine_is_the_active_version_at_resolution()
    {
        using var policies = new PolicyDirectory();
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Guardrails:PoliciesDirectory"] = policies.Path;
        await using var app = await GoldenPathTestHost.StartAsync("Development", settings);
        var store = app.Services.GetRequiredService<GuardrailPolicyStore>();
        var before = app.Services.GetRequiredService<GuardrailEngine>();

        store.Activate(PolicyDirectory.ExtraVersion, "alice", "pilot");
        var after = app.Services.GetRequiredService<GuardrailEngine>();

        Assert.Same(app.Services.GetRequiredService<GuardrailPolicyStore>(), store);
        Assert.Equal(GuardrailPolicy.Default.Version, before.Policy.Version);
        Assert.Same(store.Current, after);
    }

    [Fact]
    public async Task Mapping_management_without_guardrails_says_what_to_add()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGoldenPathManagement());

        Assert.Contains("AddGoldenPathGuardrails", error.Message);
    }
}
