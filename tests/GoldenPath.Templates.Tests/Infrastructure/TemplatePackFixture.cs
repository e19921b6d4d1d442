namespace GoldenPath.Templates.Tests.Infrastructure;

/// <summary>
/// Packs the repository once per test run, under a version no other run uses (so no NuGet cache can serve a stale
/// package), and installs the template pack into an isolated hive outside the repository.
/// </summary>
public sealed class TemplatePackFixture : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    public string WorkRoot { get; } = Path.Combine(Path.GetTempPath(), "goldenpath-template-tests", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss") + "-" + Guid.NewGuid().ToString("n")[..6]);

    public string Feed => Path.Combine(WorkRoot, "feed");

    public string Hive => Path.Combine(WorkRoot, "hive");

    public string Cases => Path.Combine(WorkRoot, "cases");

    public string Version { get; } = $"0.0.1-test.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public TimeSpan PackTime { get; private set; }

    /// <summary>Every short name the pack must provide.</summary>
    public static readonly IReadOnlyList<string> ShortNames = ["gp-rag"];

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Cases);
        WriteSentinels(WorkRoot);

        var pack = await DotNet.RunProcessAsync("bash", RepositoryLayout.Root, PackTimeout,
            Path.Combine(RepositoryLayout.Root, "build", "pack.sh"), "--output", Feed, "--version", Version);
        pack.EnsureSuccess();
        PackTime = pack.Elapsed;

        var install = await NewAsync(WorkRoot, "install", Path.Combine(Feed, $"GoldenPath.Templates.{Version}.nupkg"));
        // An invalid template still installs with exit code 0, so the text is checked too.
        if (install.Output.Contains("Error", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Installing the template pack reported problems:\n{install.Output}");
        }

        var list = await NewAsync(WorkRoot, "list");
        foreach (var shortName in ShortNames)
        {
            if (!list.Output.Contains(shortName, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"'{shortName}' is not listed after installing the pack:\n{list.Output}");
            }
        }
    }

    /// <summary>Runs <c>dotnet new</c> against the isolated hive, never the user's own template cache.</summary>
    public async Task<ProcessResult> NewAsync(string workingDirectory, params string[] arguments)
    {
        var result = await DotNet.RunAsync(workingDirectory, TimeSpan.FromMinutes(3), ["new", .. arguments, "--debug:custom-hive", Hive]);
        return result.EnsureSuccess();
    }

    /// <summary>Empty Directory.Build.* files stop MSBuild from walking up into anything above the test folder.</summary>
    public static void WriteSentinels(string directory)
    {
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(directory, name), "<Project />\n");
        }
    }

    public ValueTask DisposeAsync()
    {
        // Kept on failure for inspection unless CI asks for a clean machine.
        if (Environment.GetEnvironmentVariable("GOLDENPATH_KEEP_TEST_OUTPUT") is null)
        {
            try
            {
                Directory.Delete(WorkRoot, recursive: true);
            }
            catch (IOException)
            {
                // A child process may still hold a file; the temp folder is cleaned by the OS.
            }
        }

        return ValueTask.CompletedTask;
    }
}
