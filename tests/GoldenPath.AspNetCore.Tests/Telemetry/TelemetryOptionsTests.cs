using GoldenPath.AspNetCore.Tests.Identity;

namespace GoldenPath.AspNetCore.Tests.Telemetry;

public sealed class TelemetryOptionsTests
{
    [Fact]
    public async Task PromptCaptureIsRefusedOutsideDevelopment()
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Telemetry:CaptureMessageContent"] = "true";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GoldenPathTestHost.StartAsync("Production", settings));

        Assert.Contains("CaptureMessageContent", error.Message);
    }

    [Fact]
    public async Task PromptCaptureIsAllowedInDevelopment()
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Telemetry:CaptureMessageContent"] = "true";

        await using var app = await GoldenPathTestHost.StartAsync("Development", settings);

        Assert.NotNull(app);
    }
}
