using System.Net;
using System.Net.Http.Json;
using RagChatbot._1.Tests.Chat;

namespace RagChatbot._1.Tests.Limits;

/// <summary>Unbounded consumption is refused: request rate, token budget and message size all have ceilings.</summary>
public sealed class AbuseLimitsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TooManyRequestsFromOneUserIs429WithRetryAfter()
    {
        await using var factory = new ApiFactory { Settings = { ["GoldenPath:RateLimits:PerUser"] = "2" } };
        var client = factory.CreateClient(DemoUser.Bob);

        await client.AskAsync("When is the office closed?");
        await client.AskAsync("When is the office closed?");
        var third = await client.PostAsJsonAsync("/api/chat", new { message = "When is the office closed?" }, Cancellation);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task AnExhaustedTokenBudgetIs429WithAClearProblem()
    {
        await using var factory = new ApiFactory { Settings = { ["GoldenPath:TokenBudget:TokensPerWindow"] = "600" } };
        var client = factory.CreateClient(DemoUser.Alice);

        HttpResponseMessage response;
        var turns = 0;
        do
        {
            response = await client.PostAsJsonAsync("/api/chat", new { message = "What is the salary band for a senior engineer?" }, Cancellation);
            turns++;
        }
        while (response.StatusCode == HttpStatusCode.OK && turns < 50);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Token budget exhausted", await response.Content.ReadAsStringAsync(Cancellation));
        Assert.True(turns > 1, "The first turn fits in the budget.");
    }

    [Fact]
    public async Task AMessageOverTheTokenLimitIs413NamingTheLimit()
    {
        await using var factory = new ApiFactory { Settings = { ["GoldenPath:Limits:MaxMessageTokens"] = "20" } };

        var response = await factory.CreateClient(DemoUser.Bob).PostAsJsonAsync(
            "/api/chat", new { message = string.Join(' ', Enumerable.Repeat("How many floating holidays do employees get?", 5)) }, Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is 20", await response.Content.ReadAsStringAsync(Cancellation));
    }
}
