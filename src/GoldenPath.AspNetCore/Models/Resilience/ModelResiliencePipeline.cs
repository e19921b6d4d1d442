using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace GoldenPath.AspNetCore.Models.Resilience;

/// <summary>
/// The resilience pipeline of the model provider's HTTP client, outermost first: total timeout, retry, circuit
/// breaker, attempt timeout. The breaker sits inside the retry so every attempt counts towards opening it, and
/// the attempt timeout sits innermost so a hung attempt is retried rather than ending the call.
/// </summary>
internal static class ModelResiliencePipeline
{
    public const string Name = "goldenpath-model";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ModelProviderOptions options, TimeProvider timeProvider)
    {
        var resilience = options.Resilience;
        pipeline.AddTimeout(options.EffectiveTotalTimeout);

        if (resilience.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                MaxRetryAttempts = resilience.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = resilience.RetryBaseDelay,
                MaxDelay = resilience.MaxRetryDelay,
                // The provider knows its own quota window better than any backoff formula, but an unbounded
                // Retry-After would hold a user's request hostage, so it is capped like every other wait.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Result is { } response && RetryAfterHeader.TryGetDelay(response, timeProvider.GetUtcNow(), out var delay)
                        ? (delay < resilience.MaxRetryDelay ? delay : resilience.MaxRetryDelay)
                        : null),
            });
        }

        pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            FailureRatio = resilience.CircuitBreakerFailureRatio,
            MinimumThroughput = resilience.CircuitBreakerMinimumThroughput,
            SamplingDuration = resilience.CircuitBreakerSamplingDuration,
            BreakDuration = resilience.CircuitBreakerBreakDuration,
        });

        pipeline.AddTimeout(options.EffectiveTimeout);
    }

    /// <summary>Failures worth another attempt: throttling, timeouts, server errors and broken connections.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
