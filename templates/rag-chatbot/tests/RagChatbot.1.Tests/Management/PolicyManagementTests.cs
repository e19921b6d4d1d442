using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RagChatbot._1.Tests.Chat;

namespace RagChatbot._1.Tests.Management;

/// <summary>Guardrail policy versions are managed by admins only, and every change is on record.</summary>
public sealed class PolicyManagementTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnlyAdminsSeeThePolicyVersions()
    {
        var employee = await factory.CreateClient(DemoUser.Alice).GetAsync("/admin/guardrails/policies", Cancellation);
        var admin = await factory.CreateClient(DemoUser.Dana).GetAsync("/admin/guardrails/policies", Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, employee.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var body = JsonNode.Parse(await admin.Content.ReadAsStringAsync(Cancellation))!;
        Assert.NotNull(body["active"]?["id"]);
        Assert.NotEmpty(body["history"]!.AsArray());
    }

    [Fact]
    public async Task RollingBackWithNothingBeforeIsAConflictNotAnError()
    {
        var response = await factory.CreateClient(DemoUser.Dana).PostAsJsonAsync("/admin/guardrails/policies/rollback", new { reason = "drill" }, Cancellation);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
