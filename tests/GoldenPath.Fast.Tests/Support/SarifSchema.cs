using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace GoldenPath.Fast.Tests.Support;

/// <summary>
/// The official SARIF 2.1.0 JSON schema, taken at test time from the npm package that ships it (it is not ours to
/// commit). The tarball is fetched once with <c>npm pack</c> into a cache folder.
/// </summary>
internal static class SarifSchema
{
    private const string Package = "@microsoft/jest-sarif@1.0.0-beta.0";
    private const string EntryName = "package/lib/schemas/sarif-2.1.0-rtm.5.json";

    private static readonly SemaphoreSlim s_lock = new(1, 1);

    public static async Task<string> LoadAsync(CancellationToken cancellationToken)
    {
        var cache = Path.Combine(Path.GetTempPath(), "goldenpath-fast-sarif");
        var schemaPath = Path.Combine(cache, "sarif-2.1.0-rtm.5.json");
        await s_lock.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(schemaPath))
            {
                Directory.CreateDirectory(cache);
                var npm = FindOnPath("npm");
                if (npm is null)
                {
                    Assert.Skip("npm is not on PATH, so the official SARIF schema cannot be fetched; .ci/run installs it.");
                }

                var tarball = await PackAsync(npm, cache, cancellationToken);
                await ExtractAsync(tarball, schemaPath, cancellationToken);
            }

            return await File.ReadAllTextAsync(schemaPath, cancellationToken);
        }
        finally
        {
            s_lock.Release();
        }
    }

    private static async Task<string> PackAsync(string npm, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(npm) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("pack");
        start.ArgumentList.Add(Package);
        start.ArgumentList.Add("--silent");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm pack {Package}' failed ({process.ExitCode}): {await stderr}");
        }

        return Path.Combine(directory, (await stdout).Trim().Split('\n')[^1].Trim());
    }

    private static async Task ExtractAsync(string tarball, string schemaPath, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(tarball);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken) is { } entry)
        {
            if (entry.Name == EntryName && entry.DataStream is { } data)
            {
                var temporary = schemaPath + ".tmp";
                await using (var output = File.Create(temporary))
                {
                    await data.CopyToAsync(output, cancellationToken);
                }

                File.Move(temporary, schemaPath, overwrite: true);
                return;
            }
        }

        throw new InvalidOperationException($"{Package} no longer contains {EntryName}.");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
