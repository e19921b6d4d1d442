using System.Net;

namespace RagChatbot._1.Tests.Health;

/// <summary>Probes are anonymous, and outside Development they exist only when a team maps them on purpose.</summary>
public sealed class HealthEndpointTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthIsNotExposedOutsideDevelopmentByDefault()
    {
        await using var factory = new ApiFactory();

        var response = await factory.CreateClient().GetAsync("/health", Cancellation);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WhenMappedExplicitlyHealthIsAnonymousAndWithoutDetails()
    {
        await using var factory = new ApiFactory { Settings = { ["GoldenPath:Health:MapOutsideDevelopment"] = "true" } };

        var response = await factory.CreateClient().GetAsync("/health", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
    }
}
