using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GoldenPath.AspNetCore.Limits;
using GoldenPath.AspNetCore.Tests.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GoldenPath.AspNetCore.Tests.Limits;

public sealed class TokenBudgetTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void SpendingPastTheBudgetIsRefusedUntilTheWindowRolls()
    {
        var time = new FakeTimeProvider();
        var budget = new TokenBudget(Options.Create(new TokenBudgetOptions { TokensPerWindow = 100, Window = TimeSpan.FromMinutes(10) }), time);

        Assert.True(budget.TryConsume("u1", 60, out _));
        Assert.False(budget.TryConsume("u1", 50, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(10), retryAfter);
        Assert.True(budget.TryConsume("u2", 50, out _));

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(budget.TryConsume("u1", 50, out _));
    }

    [Fact]
    public void TokensAreCountedWithTheModelsEncoding()
    {
        var counter = TokenCounter.ForModel("gpt-4o");

        // o200k_base encodes this as 4 tokens; a whitespace split would say 2.
        Assert.Equal(4, counter.Count("Hello, world!"));
    }

    [Fact]
    public async Task AnExhaustedBudgetIs429ProblemWithRetryAfter()
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:TokenBudget:TokensPerWindow"] = "200";
        await using var app = await GoldenPathTestHost.StartAsync("Development", settings, a =>
            a.MapPost("/ask", async (IChatClient chat, CancellationToken ct) => (await chat.GetResponseAsync(
                "<document id=\"hours\" title=\"Office hours\">The office opens at nine and closes at six on weekdays.</document>\nWhen does the office open?",
                cancellationToken: ct)).Text));
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.SharedKeyToken("alice"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last;
        do
        {
            last = await client.PostAsync("/ask", null, Cancellation);
            statuses.Add(last.StatusCode);
        }
        while (last.StatusCode == HttpStatusCode.OK && statuses.Count < 50);

        Assert.True(statuses.Count > 1, "the first calls fit in the budget");
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Token budget exhausted", await last.Content.ReadAsStringAsync(Cancellation));
    }
}
