using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldenPath.AspNetCore.Tests;

/// <summary>Keeps every log entry of one category with its structured fields.</summary>
internal sealed class CapturingLoggerProvider(string category) : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => categoryName == category ? new Logger(this) : NullLogger.Instance;

    public void Dispose()
    {
    }

    /// <param name="Fields">The structured values as logged.</param>
    /// <param name="Rendered">The same values as text, taken during the call: redacted values are pooled and cannot be read later.</param>
    internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields, IReadOnlyDictionary<string, string?> Rendered);

    private sealed class Logger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var pairs = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            var fields = pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var rendered = pairs.ToDictionary(p => p.Key, p => p.Value?.ToString(), StringComparer.Ordinal);
            provider.Entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), fields, rendered));
        }
    }
}
