using System.Net;
using System.Net.Http.Headers;
using GoldenPath.AspNetCore.Models.Resilience;

namespace GoldenPath.AspNetCore.Tests.Models.Resilience;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DeltaSecondsAreTheDelay()
    {
        using var response = With(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.True(RetryAfterHeader.TryGetDelay(response, Now, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public void DateIsMeasuredFromNow()
    {
        using var response = With(new RetryConditionHeaderValue(Now.AddSeconds(42)));

        Assert.True(RetryAfterHeader.TryGetDelay(response, Now, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(42), delay);
    }

    [Fact]
    public void PastDateMeansRetryNow()
    {
        using var response = With(new RetryConditionHeaderValue(Now.AddMinutes(-1)));

        Assert.True(RetryAfterHeader.TryGetDelay(response, Now, out var delay));
        Assert.Equal(TimeSpan.Zero, delay);
    }

    [Fact]
    public void MissingHeaderLeavesTheBackoffInCharge()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.False(RetryAfterHeader.TryGetDelay(response, Now, out _));
    }

    private static HttpResponseMessage With(RetryConditionHeaderValue value)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = value;
        return response;
    }
}
