using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GoldenPath.AspNetCore.Tests.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace GoldenPath.AspNetCore.Tests.Limits;

public sealed class RequestLimitsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task<WebApplication> StartAsync()
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Limits:MaxRequestBodyBytes"] = "1024";
        return await GoldenPathTestHost.StartAsync("Development", settings, app =>
            app.MapPost("/echo", async (HttpRequest request) => (await new StreamReader(request.Body).ReadToEndAsync()).Length));
    }

    private static HttpClient Client(WebApplication app)
    {
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.SharedKeyToken());
        return client;
    }

    [Fact]
    public async Task DeclaredOversizeBodyIs413ProblemDetails()
    {
        await using var app = await StartAsync();

        var response = await Client(app).PostAsync("/echo", new StringContent(new string('x', 2048)), Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("limit is 1024 bytes", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task ClientErrorsKeepTheirDetailOutsideDevelopment()
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Limits:MaxRequestBodyBytes"] = "1024";
        await using var app = await GoldenPathTestHost.StartAsync("Production", settings, a => a.MapPost("/echo", () => "ok"));

        var response = await app.GetTestClient().PostAsync("/echo", new StringContent(new string('x', 2048)), Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit is 1024 bytes", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task UndeclaredOversizeBodyIsCutOffWhileReading()
    {
        await using var app = await StartAsync();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 4096))));
        // No Content-Length: the body arrives chunked and only the reader can enforce the limit.
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client(app).SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task BodyWithinTheLimitIsServed()
    {
        await using var app = await StartAsync();

        var response = await Client(app).PostAsync("/echo", new StringContent(new string('x', 512)), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("512", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task AnOutOfRangeLimitStopsStartup()
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Limits:MaxRequestBodyBytes"] = "0";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GoldenPathTestHost.StartAsync("Development", settings));

        Assert.Contains("MaxRequestBodyBytes", error.Message);
    }
}
