namespace RagChatbot._1.Tests.Telemetry;

/// <summary>A hosted model without its key must not start half-configured.</summary>
public sealed class ProviderStartupTests
{
    [Fact]
    public async Task ASelectedProviderWithoutAKeyStopsStartupNamingTheSetting()
    {
        await using var factory = new ApiFactory
        {
            Settings =
            {
                ["GoldenPath:Model:Provider"] = "OpenAI",
                ["GoldenPath:Model:Model"] = "gpt-4o-mini",
                ["GoldenPath:Model:ApiKey"] = null,
            },
        };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("GoldenPath:Model:ApiKey", error.ToString());
    }
}
