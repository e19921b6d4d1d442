using GoldenPath.AspNetCore.Telemetry;
using GoldenPath.AspNetCore.Tests.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldenPath.AspNetCore.Tests.Telemetry;

public sealed partial class RedactionTests
{
    [Fact]
    public async Task UserIdsAreHashedAndPromptsErasedInLogs()
    {
        var sink = new CapturingLoggerProvider("ChatTurns");
        await using var app = await GoldenPathTestHost.StartAsync("Production", TestTokens.SharedKeySettings(), configureBuilder: builder => builder.Logging.AddProvider(sink));
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatTurns");

        LogTurn(logger, "alice@example.com", "What is Bob's salary band?", "allow");
        LogTurn(logger, "alice@example.com", "second question", "block");

        var entries = sink.Entries.ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, entry => Assert.DoesNotContain("alice@example.com", entry.Message));
        Assert.DoesNotContain(entries, entry => entry.Message.Contains("salary band", StringComparison.Ordinal) || entry.Message.Contains("second question", StringComparison.Ordinal));
        // Hashed, not erased: the same user gives the same token, so a security reviewer can still follow one user.
        var firstUser = entries[0].Rendered["UserId"];
        Assert.False(string.IsNullOrEmpty(firstUser));
        Assert.Equal(firstUser, entries[1].Rendered["UserId"]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat turn by {UserId}: {Prompt} -> {Action}")]
    private static partial void LogTurn(ILogger logger, [UserId] string userId, [Prompt] string prompt, string action);
}
