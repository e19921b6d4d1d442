using System.Net;
using System.Net.Http.Headers;
using GoldenPath.AspNetCore.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Tests.Identity;

public sealed class AuthenticationTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static void MapWhoAmI(WebApplication app) =>
        app.MapGet("/whoami", (HttpContext context, IOptions<PrincipalClaimOptions> options) =>
            string.Join(",", context.User.ToPrincipalSet(options.Value).Order(StringComparer.Ordinal)));

    private static async Task<HttpResponseMessage> GetAsync(WebApplication app, string? token, string path = "/whoami")
    {
        var client = app.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.GetAsync(path, Cancellation);
    }

    [Fact]
    public async Task EveryEndpointRequiresAToken()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Development", TestTokens.SharedKeySettings(), MapWhoAmI);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(app, null)).StatusCode);
    }

    [Fact]
    public async Task DevelopmentTokensMapToPrincipals()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Development", TestTokens.SharedKeySettings(), MapWhoAmI);

        var response = await GetAsync(app, TestTokens.SharedKeyToken("alice", ["hr", "employees"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("group:employees,group:hr,user:alice", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task WrongAudienceIsRejected()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Development", TestTokens.SharedKeySettings(), MapWhoAmI);

        var response = await GetAsync(app, TestTokens.SharedKeyToken(audience: "some-other-api"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ExpiredTokenIsRejectedBeyondTheCappedClockSkew()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Development", TestTokens.SharedKeySettings(), MapWhoAmI);

        var response = await GetAsync(app, TestTokens.SharedKeyToken(lifetime: TimeSpan.FromMinutes(-2)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SharedSecretTokensAreRefusedOutsideDevelopment()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Production", TestTokens.SharedKeySettings(), MapWhoAmI);

        var response = await GetAsync(app, TestTokens.SharedKeyToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAConfiguredAudienceEveryTokenIsDenied()
    {
        // The framework turns audience validation off when no audience is configured; the defaults turn it back on.
        var settings = TestTokens.SharedKeySettings();
        settings.Remove("Authentication:Schemes:Bearer:ValidAudiences:0");
        await using var app = await GoldenPathTestHost.StartAsync("Development", settings, MapWhoAmI);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(app, TestTokens.SharedKeyToken())).StatusCode);
    }

    [Fact]
    public async Task AdminPolicyNeedsTheAdminRole()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Development", TestTokens.SharedKeySettings(), a =>
            a.MapGet("/admin", () => "ok").RequireAuthorization(GoldenPathAuthorizationExtensions.AdminPolicy));

        var response = await GetAsync(app, TestTokens.SharedKeyToken(groups: ["admin"]), "/admin");

        // A group named admin is not the admin role.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheIssuersRolesClaimGrantsTheAdminPolicy()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Development", TestTokens.SharedKeySettings(), a =>
            a.MapGet("/admin", () => "ok").RequireAuthorization(GoldenPathAuthorizationExtensions.AdminPolicy));

        var response = await GetAsync(app, TestTokens.SharedKeyToken(roles: ["admin"]), "/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
