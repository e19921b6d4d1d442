using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace GoldenPath.Retrieval.Tests.Postgres;

/// <summary>
/// Runs PostgreSQL (PGlite, a WebAssembly build) with pgvector behind the wire protocol on 127.0.0.1, one server per test
/// run. The npm packages are installed once into a cache folder; without Node.js the tests are skipped, not passed.
/// </summary>
public sealed partial class PgliteServer : IPostgresServer, IAsyncLifetime
{
    // Exact versions: the socket server and the extension must match the engine build they were compiled against.
    private const string PackageJson = """
        {
          "name": "goldenpath-pglite",
          "private": true,
          "version": "1.0.0",
          "dependencies": {
            "@electric-sql/pglite": "0.5.14",
            "@electric-sql/pglite-pgvector": "0.0.15",
            "@electric-sql/pglite-socket": "0.2.17"
          }
        }
        """;

    private const string ServerScript = "node_modules/@electric-sql/pglite-socket/dist/scripts/server.js";
    private static readonly TimeSpan s_installTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(2);

    private readonly StringBuilder _output = new();
    private Process? _process;

    public string? SkipReason { get; private set; }

    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var node = FindOnPath("node");
        if (node is null)
        {
            SkipReason = "Node.js ('node') is not on PATH; install Node.js 20 or later to run the PostgreSQL store tests against PGlite.";
            return;
        }

        var directory = CacheDirectory();
        await EnsurePackagesAsync(directory);

        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Port 0 lets the OS pick a free port; the server prints the one it bound. -m allows a few client connections
        // (the tests open raw connections next to the store's), which PGlite multiplexes onto its single backend.
        foreach (var argument in new[] { ServerScript, "-p", "0", "-e", "@electric-sql/pglite-pgvector:vector", "-m", "4" })
        {
            start.ArgumentList.Add(argument);
        }

        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data, port);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data, port);
        _process.Exited += (_, _) => port.TrySetException(new InvalidOperationException($"The PGlite server exited with code {_process.ExitCode} before listening:\n{Output()}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            var bound = await port.Task.WaitAsync(s_startTimeout);
            ConnectionString = $"Host=127.0.0.1;Port={bound};Username=postgres;Password=postgres;Database=postgres;SSL Mode=Disable;Pooling=false;Timeout=60;Command Timeout=300";
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The PGlite server did not listen within {s_startTimeout.TotalSeconds} s:\n{Output()}");
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnOutput(string? line, TaskCompletionSource<int> port)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningPort().Match(line) is { Success: true } match)
        {
            port.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static async Task EnsurePackagesAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var manifest = Path.Combine(directory, "package.json");
        var current = File.Exists(manifest) ? await File.ReadAllTextAsync(manifest) : null;
        var installed = File.Exists(Path.Combine(directory, ServerScript))
            && Directory.Exists(Path.Combine(directory, "node_modules/@electric-sql/pglite-pgvector"));
        if (current == PackageJson && installed)
        {
            return;
        }

        await File.WriteAllTextAsync(manifest, PackageJson);
        var npm = FindOnPath("npm")
            ?? throw new InvalidOperationException($"Node.js is installed but npm is not on PATH; install npm, or run 'npm install' in {directory} by hand.");
        var install = new ProcessStartInfo(npm)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        install.ArgumentList.Add("install");
        install.ArgumentList.Add("--no-audit");
        install.ArgumentList.Add("--no-fund");

        using var process = Process.Start(install)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_installTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm install' in {directory} failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    private static string CacheDirectory()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(cache, "goldenpath", "pglite");
    }

    private static string? FindOnPath(string program)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".cmd" } : [program];
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    [GeneratedRegex("listening on .*\"port\":(\\d+)")]
    private static partial Regex ListeningPort();
}
