using GoldenPath.Fast;
using Spectre.Console;

namespace GoldenPath.Cli.Commands;

/// <summary>Live progress bar in a terminal; a plain line every tenth of the scan in CI logs and redirected output.</summary>
internal static class FastProgress
{
    public static bool IsInteractive(CliConsole console) =>
        ReferenceEquals(console.Out, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static async Task<Scorecard> RunAsync(CliConsole console, int total, Func<IProgress<CaseResult>, Task<Scorecard>> scan)
    {
        if (IsInteractive(console))
        {
            return await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("FAST scan", maxValue: total);
                    return await scan(new Reporter(_ => task.Increment(1))).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }

        var step = Math.Max(1, total / 10);
        var done = 0;
        var output = TextWriter.Synchronized(console.Out);
        return await scan(new Reporter(result =>
        {
            var count = Interlocked.Increment(ref done);
            if (count % step == 0 || count == total)
            {
                output.WriteLine($"progress: {count}/{total} cases");
            }
        })).ConfigureAwait(false);
    }

    /// <summary>Reports synchronously on the worker; <see cref="Progress{T}"/> would post to a context that may never run.</summary>
    private sealed class Reporter(Action<CaseResult> report) : IProgress<CaseResult>
    {
        public void Report(CaseResult value) => report(value);
    }
}
