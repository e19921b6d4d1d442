using System.ClientModel;
using System.Diagnostics;
using GoldenPath.AspNetCore.Tests.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace GoldenPath.AspNetCore.Tests.Models.Resilience;

/// <summary>The model client's resilience pipeline, driven through the registered chat client against scripted faults.</summary>
public sealed class ModelResilienceTests
{
    private const string Question = "When is the office closed?";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("AzureOpenAI")]
    public async Task RateLimitIsRetriedAfterTheDelayTheServerAsksFor(string provider)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.Fault(429, RetryAfter: "1"));
        await using var app = await ModelTestHost.StartAsync(stub, provider);
        var chat = app.Services.GetRequiredService<IChatClient>();

        var watch = Stopwatch.StartNew();
        var response = await chat.GetResponseAsync(Question, cancellationToken: Cancellation);

        Assert.Equal(stub.Answer, response.Text);
        // The configured backoff is 10 ms, so only Retry-After explains a wait of a second.
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        var attempts = stub.ChatRequests.ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal($"Bearer {ModelTestHost.ApiKey}", a.Authorization));
    }

    [Fact]
    public async Task RetryAfterAsAnHttpDateIsHonoured()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        // HTTP dates have whole seconds, so two seconds ahead means a wait of one to two seconds.
        stub.Script.Enqueue(new StubReply.Fault(503, RetryAfter: DateTimeOffset.UtcNow.AddSeconds(2).ToString("R")));
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI");
        var chat = app.Services.GetRequiredService<IChatClient>();

        var watch = Stopwatch.StartNew();
        await chat.GetResponseAsync(Question, cancellationToken: Cancellation);

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(10));
        Assert.Equal(2, stub.ChatRequests.Count());
    }

    [Fact]
    public async Task RetryAfterIsCappedByTheMaximumDelay()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.Fault(429, RetryAfter: "8"));
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI", s => s["GoldenPath:Model:Resilience:MaxRetryDelay"] = "00:00:00.100");
        var chat = app.Services.GetRequiredService<IChatClient>();

        var watch = Stopwatch.StartNew();
        await chat.GetResponseAsync(Question, cancellationToken: Cancellation);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(2, stub.ChatRequests.Count());
    }

    [Theory]
    [InlineData("OpenAI", 503)]
    [InlineData("AzureOpenAI", 503)]
    [InlineData("OpenAI", 500)]
    [InlineData("OpenAI", 502)]
    [InlineData("OpenAI", 504)]
    [InlineData("OpenAI", 408)]
    public async Task TransientFailureIsRetriedOnce(string provider, int status)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.Fault(status));
        await using var app = await ModelTestHost.StartAsync(stub, provider);
        var chat = app.Services.GetRequiredService<IChatClient>();

        var response = await chat.GetResponseAsync(Question, cancellationToken: Cancellation);

        Assert.Equal(stub.Answer, response.Text);
        Assert.Equal(2, stub.ChatRequests.Count());
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task ClientErrorsAreNotRetried(int status)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.Fault(status));
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI");
        var chat = app.Services.GetRequiredService<IChatClient>();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => chat.GetResponseAsync(Question, cancellationToken: Cancellation));

        Assert.Equal(status, Find<ClientResultException>(error)?.Status);
        Assert.Single(stub.ChatRequests);
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("AzureOpenAI")]
    public async Task RetriesGiveUpAfterTheCapAndSurfaceTheError(string provider)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            stub.Script.Enqueue(new StubReply.Fault(503));
        }

        await using var app = await ModelTestHost.StartAsync(stub, provider, s => s["GoldenPath:Model:Resilience:MaxRetryAttempts"] = "2");
        var chat = app.Services.GetRequiredService<IChatClient>();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => chat.GetResponseAsync(Question, cancellationToken: Cancellation));

        Assert.Equal(503, Find<ClientResultException>(error)?.Status);
        // One attempt plus two retries: the OpenAI SDK's own retries are off, so nothing multiplies them.
        Assert.Equal(3, stub.ChatRequests.Count());
    }

    [Fact]
    public async Task CircuitOpensAfterRepeatedFailuresAndFailsFast()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            stub.Script.Enqueue(new StubReply.Fault(503));
        }

        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI", s =>
        {
            s["GoldenPath:Model:Resilience:MaxRetryAttempts"] = "1";
            s["GoldenPath:Model:Resilience:CircuitBreakerMinimumThroughput"] = "2";
            s["GoldenPath:Model:Resilience:CircuitBreakerFailureRatio"] = "1";
            s["GoldenPath:Model:Resilience:CircuitBreakerBreakDuration"] = "00:01:00";
        });
        var chat = app.Services.GetRequiredService<IChatClient>();

        var first = await Assert.ThrowsAnyAsync<Exception>(() => chat.GetResponseAsync(Question, cancellationToken: Cancellation));
        var second = await Assert.ThrowsAnyAsync<Exception>(() => chat.GetResponseAsync(Question, cancellationToken: Cancellation));

        Assert.Equal(503, Find<ClientResultException>(first)?.Status);
        Assert.NotNull(Find<BrokenCircuitException>(second));
        Assert.Equal(2, stub.ChatRequests.Count());
    }

    [Fact]
    public async Task HungAttemptTimesOutAndIsRetried()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.Delay(TimeSpan.FromSeconds(10)));
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI", s => s["GoldenPath:Model:Timeout"] = "00:00:01");
        var chat = app.Services.GetRequiredService<IChatClient>();

        var watch = Stopwatch.StartNew();
        var response = await chat.GetResponseAsync(Question, cancellationToken: Cancellation);

        Assert.Equal(stub.Answer, response.Text);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(8));
        Assert.Equal(2, stub.ChatRequests.Count());
        await WaitUntilAsync(() => stub.AbortedRequests == 1);
    }

    [Fact]
    public async Task TotalTimeoutEndsTheCallAcrossRetries()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            stub.Script.Enqueue(new StubReply.Delay(TimeSpan.FromSeconds(10)));
        }

        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI", s =>
        {
            s["GoldenPath:Model:Timeout"] = "00:00:00.500";
            s["GoldenPath:Model:TotalTimeout"] = "00:00:00.700";
        });
        var chat = app.Services.GetRequiredService<IChatClient>();

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<Exception>(() => chat.GetResponseAsync(Question, cancellationToken: Cancellation));

        // Four hung attempts would take two seconds; the total timeout ends the call during the second.
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(1800));
        Assert.InRange(stub.ChatRequests.Count(), 1, 2);
    }

    [Fact]
    public async Task CallerCancellationReachesTheProviderAndIsNotRetried()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.Delay(TimeSpan.FromSeconds(30)));
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI");
        var chat = app.Services.GetRequiredService<IChatClient>();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        caller.CancelAfter(TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => chat.GetResponseAsync(Question, cancellationToken: caller.Token));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => stub.AbortedRequests == 1);
        Assert.Single(stub.ChatRequests);
    }

    [Fact]
    public async Task ResilienceFromHttpClientDefaultsDoesNotStackOnTheModelClient()
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        for (var i = 0; i < 8; i++)
        {
            stub.Script.Enqueue(new StubReply.Fault(503));
        }

        // What Aspire service defaults do: a standard resilience handler on every HttpClient.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var settings = ModelTestHost.Settings(stub.Endpoint, "OpenAI");
        settings["GoldenPath:Model:Resilience:MaxRetryAttempts"] = "1";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.AddGoldenPathDefaults();
        await using var app = builder.Build();
        var chat = app.Services.GetRequiredService<IChatClient>();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => chat.GetResponseAsync(Question, cancellationToken: Cancellation));

        Assert.Equal(503, Find<ClientResultException>(error)?.Status);
        Assert.Equal(2, stub.ChatRequests.Count());
    }

    private static T? Find<T>(Exception? error) where T : Exception
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is T match)
            {
                return match;
            }
        }

        return null;
    }

    // The server learns of an abandoned request a moment after the client gives up.
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "condition not met within 5 s");
            await Task.Delay(20, Cancellation);
        }
    }
}
