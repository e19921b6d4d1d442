using System.Diagnostics;
using System.Text;

namespace GoldenPath.Templates.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI (or a script) as a child process with a clean MSBuild environment.</summary>
internal static class DotNet
{
    // Inherited from `dotnet test`; a child build would otherwise load the parent's MSBuild and SDK resolver state.
    private static readonly string[] ScrubbedVariables =
    [
        "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDFAILONDRIVEENUMERATINGWILDCARD", "DOTNET_HOST_PATH", "TESTINGPLATFORM_UI_LANGUAGE",
    ];

    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunProcessAsync("dotnet", workingDirectory, timeout, arguments);

    /// <param name="environment">Variables set for the child only, e.g. configuration a test overrides.</param>
    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunProcessAsync("dotnet", workingDirectory, timeout, environment, arguments);

    public static Task<ProcessResult> RunProcessAsync(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunProcessAsync(fileName, workingDirectory, timeout, new Dictionary<string, string>(), arguments);

    public static async Task<ProcessResult> RunProcessAsync(string fileName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in ScrubbedVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout}.\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString(), stopwatch.Elapsed, $"{fileName} {string.Join(' ', arguments)}");
        }
    }
}

public sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed, string CommandLine)
{
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"'{CommandLine}' exited with {ExitCode} after {Elapsed.TotalSeconds:F0} s:\n{Output}");
        }

        return this;
    }
}
