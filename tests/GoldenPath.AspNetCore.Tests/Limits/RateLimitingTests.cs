using System.Net;
using System.Net.Http.Headers;
using GoldenPath.AspNetCore.Tests.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace GoldenPath.AspNetCore.Tests.Limits;

public sealed class RateLimitingTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Task<WebApplication> StartAsync(int perUser, int perAddress)
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:RateLimits:PerUser"] = perUser.ToString();
        settings["GoldenPath:RateLimits:PerAddress"] = perAddress.ToString();
        return GoldenPathTestHost.StartAsync("Development", settings, app =>
        {
            app.MapGet("/ping", () => "pong");
            app.MapGet("/health", () => "ok").AllowAnonymous();
        });
    }

    private static HttpClient ClientFor(WebApplication app, string user)
    {
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.SharedKeyToken(user));
        return client;
    }

    [Fact]
    public async Task EachUserHasTheirOwnWindowAndOverflowIs429WithRetryAfter()
    {
        await using var app = await StartAsync(perUser: 2, perAddress: 100);
        var alice = ClientFor(app, "alice");

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/ping", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/ping", Cancellation)).StatusCode);
        var third = await alice.GetAsync("/ping", Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        // Another user is not throttled by alice's traffic.
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(app, "bob").GetAsync("/ping", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task OneAddressIsLimitedAcrossUsersAndAnonymousCalls()
    {
        await using var app = await StartAsync(perUser: 100, perAddress: 3);

        await ClientFor(app, "alice").GetAsync("/ping", Cancellation);
        await ClientFor(app, "bob").GetAsync("/ping", Cancellation);
        await app.GetTestClient().GetAsync("/ping", Cancellation);
        var fourth = await ClientFor(app, "carol").GetAsync("/ping", Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
    }

    [Fact]
    public async Task HealthProbesAreNeverThrottled()
    {
        await using var app = await StartAsync(perUser: 1, perAddress: 1);
        var client = app.GetTestClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Cancellation)).StatusCode);
        }
    }
}
