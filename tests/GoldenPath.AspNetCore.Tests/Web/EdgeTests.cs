using System.Net;
using GoldenPath.AspNetCore.Tests.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace GoldenPath.AspNetCore.Tests.Web;

public sealed class EdgeTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PreflightAsync(WebApplication app, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/ping");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return await app.GetTestClient().SendAsync(request, Cancellation);
    }

    [Fact]
    public async Task CrossOriginCallsAreClosedByDefault()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Development", TestTokens.SharedKeySettings(), a => a.MapPost("/ping", () => "pong"));

        var response = await PreflightAsync(app, "https://portal.example.com");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AConfiguredOriginIsAllowedAndOnlyThatOne()
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Cors:AllowedOrigins:0"] = "https://portal.example.com";
        await using var app = await GoldenPathTestHost.StartAsync("Development", settings, a => a.MapPost("/ping", () => "pong"));

        var allowed = await PreflightAsync(app, "https://portal.example.com");
        var other = await PreflightAsync(app, "https://evil.example.net");

        Assert.Equal("https://portal.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AWildcardOriginStopsStartup()
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Cors:AllowedOrigins:0"] = "*";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GoldenPathTestHost.StartAsync("Development", settings));

        Assert.Contains("wildcards are not accepted", error.Message);
    }

    [Theory]
    [InlineData(null, "10.0.0.5")]
    [InlineData("10.0.0.5", "203.0.113.7")]
    public async Task ForwardedForIsBelievedOnlyFromAKnownProxy(string? knownProxy, string expectedClient)
    {
        var settings = TestTokens.SharedKeySettings();
        if (knownProxy is not null)
        {
            settings["GoldenPath:ForwardedHeaders:KnownProxies:0"] = knownProxy;
        }

        await using var app = await GoldenPathTestHost.StartAsync("Development", settings, a =>
            a.MapGet("/client", (HttpContext context) => context.Connection.RemoteIpAddress?.ToString()).AllowAnonymous());

        var context = await app.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/client";
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        }, Cancellation);

        Assert.Equal(expectedClient, await new StreamReader(context.Response.Body).ReadToEndAsync(Cancellation));
    }
}
