using System.Globalization;
using GoldenPath.Fast;

namespace GoldenPath.Cli.Commands;

/// <summary>The body of <c>fast run</c>: load, probe, scan, report, gate.</summary>
internal static class FastRun
{
    private const string TokenVariable = "GOLDENPATH_FAST_TOKEN";

    public static async Task<int> RunAsync(FastRunSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Token))
        {
            await console.Error.WriteLineAsync($"error: no token. Fix: pass --token or set {TokenVariable} to the bearer token of the user the scan runs as.").ConfigureAwait(false);
            return FastExitCodes.ConfigurationError;
        }

        var (plan, planProblem) = await FastRunCanaries.PrepareAsync(settings, console).ConfigureAwait(false);
        if (planProblem is { } planExit)
        {
            return planExit;
        }

        GatePolicy policy;
        try
        {
            policy = settings.ConfigPath is null ? new GatePolicy() : GatePolicy.Load(settings.ConfigPath);
        }
        catch (GateConfigurationException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return FastExitCodes.ConfigurationError;
        }

        if (settings.FailOn is { } failOn)
        {
            policy.FailOn = failOn;
        }

        if (!FastCorpusLoader.TryLoad(settings.CorpusPath, settings.CaseDirectory, console, out var cases))
        {
            return FastExitCodes.ConfigurationError;
        }

        if (settings.Seed is { } seed)
        {
            cases = AttackCorpus.Expand(cases, new MutationOptions { Seed = seed });
        }

        if (settings.CaseId is { } caseId)
        {
            var match = cases.FirstOrDefault(attack => string.Equals(attack.Id, caseId, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                await console.Error.WriteLineAsync($"error: no case '{caseId}' in the corpus{(settings.Seed is { } s ? $" expanded with seed {s}" : string.Empty)}. Fix: copy the id from scorecard.json and pass the --seed and corpus options of that scan.").ConfigureAwait(false);
                return FastExitCodes.ConfigurationError;
            }

            cases = [match];
        }

        using var client = new HttpClient { BaseAddress = settings.Url, Timeout = settings.Timeout };
        if (await ProbeAsync(client, settings.Url, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            await console.Error.WriteLineAsync($"error: cannot reach {settings.Url} ({problem}). Fix: check --url and that the app is running.").ConfigureAwait(false);
            return FastExitCodes.TargetUnreachable;
        }

        var options = new FastScanOptions
        {
            MaxConcurrency = settings.Concurrency,
            DelayBetweenCases = settings.Delay > TimeSpan.Zero ? settings.Delay : null,
            RequestsPerSecond = settings.RequestsPerSecond,
            ReplayArguments = ReplayArguments(settings),
            CorpusVersion = settings.CorpusPath is null || settings.CaseDirectory is not null
                ? AttackCorpus.EmbeddedVersion + (settings.CaseDirectory is null ? string.Empty : "+project")
                : await FastRunCommand.FileVersionAsync(settings.CorpusPath, cancellationToken).ConfigureAwait(false),
        };
        foreach (var canary in settings.Canaries)
        {
            options.Canaries.Add(canary);
        }

        foreach (var marker in settings.ForbiddenMarkers)
        {
            options.ForbiddenMarkers.Add(marker);
        }

        foreach (var host in settings.AllowedHosts)
        {
            options.AllowedHosts.Add(host);
        }

        await console.Out.WriteLineAsync($"FAST scan: {cases.Count} cases from corpus {options.CorpusVersion} against {settings.Url}").ConfigureAwait(false);
        var http = new HttpChatTarget(client, settings.Token, settings.Path);
        var planting = settings.OperatorToken is { Length: > 0 } operatorToken ? http.WithPlanting(operatorToken) : null;
        IFastTarget target = planting is null ? http : planting;
        PlantedScanCanaries? planted = null;
        if (plan is not null)
        {
            (planted, var plantExit) = await FastRunCanaries.PlantAsync(planting!, plan, options, console, cancellationToken).ConfigureAwait(false);
            if (plantExit is { } exit)
            {
                return exit;
            }
        }

        try
        {
            return await ScanAsync(settings, console, cases, options, target, policy, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (planted is not null)
            {
                await FastRunCanaries.RemoveAsync(planted, console).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> ScanAsync(
        FastRunSettings settings, CliConsole console, IReadOnlyList<AttackCase> cases, FastScanOptions options, IFastTarget target, GatePolicy policy, CancellationToken cancellationToken)
    {
        var scorecard = await FastProgress.RunAsync(console, cases.Count, progress =>
        {
            options.Progress = progress;
            return new FastScanner(target, options).RunAsync(cases, cancellationToken);
        }).ConfigureAwait(false);
        var gate = policy.Evaluate(scorecard);

        IReadOnlyList<string> written;
        try
        {
            written = await ScanReportWriter.WriteAsync(scorecard, gate, settings.OutputDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without reports CI has nothing to show, so this fails the run whatever the gate says.
            await console.Error.WriteLineAsync($"error: could not write the scorecard to {settings.OutputDirectory} ({ex.Message}). Fix: pass a writable --out directory.").ConfigureAwait(false);
            return FastExitCodes.ConfigurationError;
        }

        FastSummary.Write(console, scorecard, gate);
        await console.Out.WriteLineAsync($"reports: {string.Join(", ", written)}").ConfigureAwait(false);
        return gate.Passed ? FastExitCodes.GatePassed : FastExitCodes.GateFailed;
    }

    /// <summary>Any HTTP answer, even 404, proves the app is reachable; only a transport failure stops the scan before it starts.</summary>
    private static async Task<string?> ProbeAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no answer within {client.Timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Everything but secrets: the token comes from the environment, canary values stay placeholders.</summary>
    private static string ReplayArguments(FastRunSettings settings)
    {
        List<string> parts = ["--url", settings.Url.ToString()];
        if (settings.Path != "/api/chat")
        {
            parts.AddRange(["--path", settings.Path]);
        }

        if (settings.CorpusPath is not null)
        {
            parts.AddRange(["--file", settings.CorpusPath]);
        }

        if (settings.CaseDirectory is not null)
        {
            parts.AddRange(["--dir", settings.CaseDirectory]);
        }

        if (settings.ConfigPath is not null)
        {
            parts.AddRange(["--config", settings.ConfigPath]);
        }

        parts.AddRange(settings.Seed is { } seed ? ["--seed", seed.ToString(CultureInfo.InvariantCulture)] : ["--no-mutations"]);
        parts.AddRange(settings.Canaries.SelectMany(canary => new[] { "--canary", $"{canary.Name}=<value>" }));
        if (settings.PlantCanaries)
        {
            // A replay plants fresh canaries of its own; the old values are gone with the scan that planted them.
            parts.Add("--plant-canaries");
            if (settings.RestrictedGroup != ScanCanaries.DefaultRestrictedGroup)
            {
                parts.AddRange(["--restricted-group", settings.RestrictedGroup]);
            }

            if (settings.Victim is { } victim)
            {
                parts.AddRange(["--victim", victim]);
            }
        }

        return string.Join(' ', parts.Select(part => part.Contains(' ', StringComparison.Ordinal) ? $"\"{part}\"" : part));
    }
}
