using System.Text;
using Microsoft.Extensions.Logging;

namespace RagChatbot._1.Tests.Fast;

/// <summary>
/// Keeps every error logged while a host starts. A host that refuses to start logs the reason before it stops, and
/// that log survives however the failure reaches the caller, even when shutdown races with the failed start.
/// </summary>
internal sealed class StartupErrorLog : ILoggerProvider
{
    private readonly StringBuilder _errors = new();

    public string Text
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new ErrorLogger(this);

    public void Dispose()
    {
    }

    private void Add(string entry)
    {
        lock (_errors)
        {
            _errors.AppendLine(entry);
        }
    }

    private sealed class ErrorLogger(StartupErrorLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Add($"{formatter(state, exception)} {exception}");
            }
        }
    }
}
