using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagChatbot._1.Tests.Chat;

namespace RagChatbot._1.Tests.Telemetry;

/// <summary>Logs record that a turn happened and what the guardrails did, never who in clear or what they typed.</summary>
public sealed class LogRedactionTests
{
    [Fact]
    public async Task ChatTurnLogsHashTheUserAndEraseTheMessage()
    {
        var sink = new CapturingLoggerProvider();
        await using var factory = new ApiFactory();
        await using var logged = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddLogging(logging => logging.AddProvider(sink))));
        var client = logged.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(DemoUser.Carol));

        var reply = await client.AskAsync("What did the board decide about Project Heron?");

        Assert.NotEmpty(reply.Citations);
        var turn = Assert.Single(sink.Messages, m => m.Contains("Chat turn by", StringComparison.Ordinal));
        Assert.DoesNotContain("carol", turn, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Project Heron", turn, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("allow", turn, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(sink.Messages, m => m.Contains("Project Heron", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(Messages);

        public void Dispose() { }

        private sealed class Capturing(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
