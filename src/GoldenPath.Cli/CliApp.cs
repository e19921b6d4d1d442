using System.CommandLine;
using GoldenPath.Cli.Commands;

namespace GoldenPath.Cli;

/// <summary>The <c>goldenpath</c> command line, runnable in-process with any writers.</summary>
public static class CliApp
{
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return new RootCommand("GoldenPath: guardrail checks, policy validation, access-controlled retrieval and FAST security scans.")
        {
            GuardCommands.Create(console),
            PolicyCommands.Create(console),
            RetrievalCommands.Create(console),
            FastCommands.Create(console),
        };
    }

    /// <returns>The process exit code: 0 success, 1 error or failed gate, 2 blocked by a guardrail.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(stdout, stderr);
        var parseResult = CreateRootCommand(console).Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,

            // Commands report their own errors; anything else still gets one readable line instead of a stack trace.
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }
}
