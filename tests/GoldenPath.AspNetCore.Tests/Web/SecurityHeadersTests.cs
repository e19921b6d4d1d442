using System.Net;
using GoldenPath.AspNetCore.Tests.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace GoldenPath.AspNetCore.Tests.Web;

public sealed class SecurityHeadersTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ErrorResponsesCarryTheHeadersToo()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Production", TestTokens.SharedKeySettings(), a => a.MapGet("/", () => "hi"));

        var response = await app.GetTestClient().GetAsync("/", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
    }

    [Fact]
    public async Task UnhandledExceptionsHideDetailsOutsideDevelopment()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Production", TestTokens.SharedKeySettings(), a =>
            a.MapGet("/boom", () => { throw new InvalidOperationException("secret connection string"); }).AllowAnonymous());

        var response = await app.GetTestClient().GetAsync("/boom", Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret connection string", body);
    }
}
