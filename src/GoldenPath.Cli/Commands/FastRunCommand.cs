using System.CommandLine;
using System.CommandLine.Parsing;
using System.Security.Cryptography;
using GoldenPath.Cli.Output;
using GoldenPath.Fast;

namespace GoldenPath.Cli.Commands;

/// <summary><c>goldenpath fast run</c>: scan a running chat app, write the scorecard, exit with the gate's code.</summary>
internal static class FastRunCommand
{
    private const string TokenVariable = "GOLDENPATH_FAST_TOKEN";

    public static Command Create(CliConsole console)
    {
        var url = new Option<Uri>("--url") { Description = "Base URL of the app under test, for example https://localhost:7001.", Required = true, CustomParser = ParseUrl };
        var token = new Option<string>("--token") { Description = $"Bearer token of the user the scan runs as (or set {TokenVariable}, which keeps it out of process listings)." };
        var path = new Option<string>("--path") { Description = "Chat endpoint path.", DefaultValueFactory = _ => "/api/chat" };
        var file = new Option<FileInfo>("--file") { Description = "A JSONL corpus file; defaults to the embedded baseline corpus." };
        var canaries = new Option<string[]>("--canary") { Description = "A canary planted in the app, as NAME=VALUE; repeat for several." };
        var forbidden = new Option<string[]>("--forbid") { Description = "Text from a restricted document that must never appear in an answer; repeatable." };
        var allowedHosts = new Option<string[]>("--allow-host") { Description = "A host answers may link to; links elsewhere are reported. Repeatable." };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Directory for scorecard.json and scorecard.md.", DefaultValueFactory = _ => new DirectoryInfo("fast-results") };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest finding severity that fails the gate.", DefaultValueFactory = _ => "critical" };
        failOn.AcceptOnlyFromAmong("critical", "high", "medium", "low");
        var concurrency = new Option<int>("--concurrency") { Description = "Cases in flight at once.", DefaultValueFactory = _ => 1 };
        var delay = new Option<int>("--delay-ms") { Description = "Pause after each case, in milliseconds, to spare shared environments.", DefaultValueFactory = _ => 0 };
        var timeout = new Option<int>("--timeout-seconds") { Description = "Per-request timeout.", DefaultValueFactory = _ => 100 };

        canaries.Validators.Add(ValidateCanaries);
        concurrency.Validators.Add(result => RequireAtLeast(result, concurrency, 1, 64));
        delay.Validators.Add(result => RequireAtLeast(result, delay, 0, 600_000));
        timeout.Validators.Add(result => RequireAtLeast(result, timeout, 1, 3_600));
        var command = new Command("run", "Run the attack corpus against a chat app, write scorecard.json and scorecard.md, and exit 1 when the gate fails.")
        {
            url, token, path, file, canaries, forbidden, allowedHosts, outDir, failOn, concurrency, delay, timeout,
        };

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new FastRunSettings(
                parseResult.GetRequiredValue(url),
                parseResult.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable),
                parseResult.GetRequiredValue(path),
                parseResult.GetValue(file)?.FullName,
                [.. (parseResult.GetValue(canaries) ?? []).Select(ParseCanary)],
                parseResult.GetValue(forbidden) ?? [],
                parseResult.GetValue(allowedHosts) ?? [],
                parseResult.GetRequiredValue(outDir).FullName,
                Enum.Parse<Severity>(parseResult.GetRequiredValue(failOn), ignoreCase: true),
                parseResult.GetValue(concurrency),
                TimeSpan.FromMilliseconds(parseResult.GetValue(delay)),
                TimeSpan.FromSeconds(parseResult.GetValue(timeout))),
            console,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FastRunSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Token))
        {
            await console.Error.WriteLineAsync($"error: no token. Fix: pass --token or set {TokenVariable} to the bearer token of the user the scan runs as.").ConfigureAwait(false);
            return ExitCodes.Error;
        }

        if (!FastCommands.TryLoad(settings.CorpusPath, console, out var cases))
        {
            return ExitCodes.Error;
        }

        using var client = new HttpClient { BaseAddress = settings.Url, Timeout = settings.Timeout };
        if (await ProbeAsync(client, settings.Url, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            await console.Error.WriteLineAsync($"error: cannot reach {settings.Url} ({problem}). Fix: check --url and that the app is running.").ConfigureAwait(false);
            return ExitCodes.Error;
        }

        var options = new FastScanOptions
        {
            MaxConcurrency = settings.Concurrency,
            DelayBetweenCases = settings.Delay > TimeSpan.Zero ? settings.Delay : null,
            CorpusVersion = settings.CorpusPath is null ? AttackCorpus.EmbeddedVersion : await FileVersionAsync(settings.CorpusPath, cancellationToken).ConfigureAwait(false),
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
        var target = new HttpChatTarget(client, settings.Token, settings.Path);
        var scorecard = await new FastScanner(target, options).RunAsync(cases, cancellationToken).ConfigureAwait(false);
        var gate = new GatePolicy { FailOn = settings.FailOn }.Evaluate(scorecard);

        var jsonPath = Path.Combine(settings.OutputDirectory, "scorecard.json");
        var markdownPath = Path.Combine(settings.OutputDirectory, "scorecard.md");
        try
        {
            await AtomicFile.WriteAllTextAsync(jsonPath, scorecard.ToJson(), cancellationToken).ConfigureAwait(false);
            await AtomicFile.WriteAllTextAsync(markdownPath, scorecard.ToMarkdown(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without a scorecard CI has nothing to show, so this fails the run whatever the gate says.
            await console.Error.WriteLineAsync($"error: could not write the scorecard to {settings.OutputDirectory} ({ex.Message}). Fix: pass a writable --out directory.").ConfigureAwait(false);
            return ExitCodes.Error;
        }

        await WriteSummaryAsync(console.Out, scorecard, gate, settings.FailOn).ConfigureAwait(false);
        await console.Out.WriteLineAsync($"scorecard: {jsonPath}, {markdownPath}").ConfigureAwait(false);
        return gate.ExitCode;
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
            return $"no answer within {client.Timeout.TotalSeconds:0} s";
        }
    }

    private static async Task WriteSummaryAsync(TextWriter output, Scorecard scorecard, GateResult gate, Severity failOn)
    {
        var outcomes = scorecard.Outcomes;
        await output.WriteLineAsync($"outcomes: deflected {outcomes.Deflected}, errored {outcomes.Errored}, answered {outcomes.Answered}, disclosed {outcomes.Disclosed}").ConfigureAwait(false);
        var bySeverity = Enum.GetValues<Severity>().Reverse().Select(s => $"{s.ToString().ToLowerInvariant()} {scorecard.Findings.Count(f => f.Severity == s)}");
        await output.WriteLineAsync($"findings: {string.Join(", ", bySeverity)}").ConfigureAwait(false);

        var threshold = failOn.ToString().ToLowerInvariant();
        if (gate.Passed)
        {
            await output.WriteLineAsync($"gate: passed (fail-on {threshold})").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"gate: FAILED (fail-on {threshold}), {gate.Blocking.Count} blocking finding(s):").ConfigureAwait(false);
        foreach (var finding in gate.Blocking)
        {
            await output.WriteLineAsync($"  [{finding.Severity.ToString().ToLowerInvariant()}] {finding.CaseId} ({finding.Category}, {finding.Evaluator}): {finding.Evidence}").ConfigureAwait(false);
        }
    }

    /// <summary>A custom corpus is identified by its content, so two scorecards name the same corpus only if it was identical.</summary>
    private static async Task<string> FileVersionAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return $"{Path.GetFileName(path)}@sha256:{Convert.ToHexStringLower(hash)[..12]}";
    }

    private static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"--url '{text}' is not an absolute http or https URL; write it like https://localhost:7001.");
        return null;
    }

    private static void ValidateCanaries(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            var separator = token.Value.IndexOf('=');
            if (separator <= 0 || separator == token.Value.Length - 1)
            {
                result.AddError($"--canary '{token.Value}' is not NAME=VALUE; write it like --canary system-prompt=GPCANARY-0123456789ABCDEF.");
            }
        }
    }

    private static Canary ParseCanary(string text)
    {
        var separator = text.IndexOf('=');
        return new Canary(text[..separator].Trim(), text[(separator + 1)..].Trim());
    }

    private static void RequireAtLeast(OptionResult result, Option<int> option, int minimum, int maximum)
    {
        var value = result.GetValue(option);
        if (value < minimum || value > maximum)
        {
            result.AddError($"{option.Name} must be between {minimum} and {maximum}, but was {value}.");
        }
    }

    private sealed record FastRunSettings(
        Uri Url,
        string? Token,
        string Path,
        string? CorpusPath,
        IReadOnlyList<Canary> Canaries,
        IReadOnlyList<string> ForbiddenMarkers,
        IReadOnlyList<string> AllowedHosts,
        string OutputDirectory,
        Severity FailOn,
        int Concurrency,
        TimeSpan Delay,
        TimeSpan Timeout);
}
