using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Security.Cryptography;
using GoldenPath.Fast;

namespace GoldenPath.Cli.Commands;

/// <summary><c>goldenpath fast run</c>: scan a running chat app, write five reports, exit with the gate's code.</summary>
/// <remarks>Exit codes: 0 gate passed, 1 gate failed, 2 usage or configuration error, 3 target unreachable.</remarks>
internal static class FastRunCommand
{
    private const string TokenVariable = "GOLDENPATH_FAST_TOKEN";
    private const string OperatorTokenVariable = "GOLDENPATH_FAST_OPERATOR_TOKEN";
    private const string VictimVariable = "GOLDENPATH_FAST_VICTIM";

    public static Command Create(CliConsole console)
    {
        var url = new Option<string>("--url") { Description = "Base URL of the app under test, for example https://localhost:7001." };
        var token = new Option<string>("--token") { Description = $"Bearer token of the user the scan runs as (or set {TokenVariable}, which keeps it out of process listings)." };
        var operatorToken = new Option<string>("--operator-token") { Description = $"Token with the fast-operator role, so cases with documents are planted through the app's /fast/plant hook (Development and Testing only) instead of skipped; or set {OperatorTokenVariable}." };
        var path = new Option<string>("--path") { Description = "Chat endpoint path.", DefaultValueFactory = _ => "/api/chat" };
        var file = new Option<FileInfo>("--file") { Description = "A JSONL corpus file; defaults to the embedded corpus. With --dir, the platform corpus to merge with." };
        var dir = new Option<DirectoryInfo>("--dir") { Description = "A folder of project case files (*.jsonl, for example fast/cases) merged with the platform corpus." };
        var config = new Option<FileInfo>("--config") { Description = "Gate policy (fast.yaml): maxFindings, minPassRate, baseline. Without it only critical findings fail the gate." };
        var seed = new Option<int>("--seed") { Description = "Seed of the mutations; the same seed sends the same cases.", DefaultValueFactory = _ => MutationOptions.DefaultSeed };
        var noMutations = new Option<bool>("--no-mutations") { Description = "Send only the seed cases, without encoded, translated and wrapped variants." };
        var caseId = new Option<string>("--case") { Description = "Replay one case by id (a variant id such as llm01-override-001~base64 needs the same --seed)." };
        var rate = new Option<string>("--rate") { Description = "Most cases started per second, as N or N/s, so a shared environment is never flooded." };
        var canaries = new Option<string[]>("--canary") { Description = "A canary planted in the app, as NAME=VALUE; repeat for several." };
        var forbidden = new Option<string[]>("--forbid") { Description = "Text from a restricted document that must never appear in an answer; repeatable." };
        var allowedHosts = new Option<string[]>("--allow-host") { Description = "A host answers may link to; links elsewhere are reported. Repeatable." };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Directory for scorecard.json, scorecard.md, results.junit.xml, results.sarif and report.html.", DefaultValueFactory = _ => new DirectoryInfo("fast-results") };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest finding severity that fails the gate (ignored with --config)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Cases in flight at once.", DefaultValueFactory = _ => 1 };
        var delay = new Option<int>("--delay-ms") { Description = "Pause after each case, in milliseconds, to spare shared environments.", DefaultValueFactory = _ => 0 };
        var timeout = new Option<int>("--timeout-seconds") { Description = "Per-request timeout.", DefaultValueFactory = _ => 100 };
        var plantCanaries = new Option<bool>("--plant-canaries") { Description = "Before the scan, plant fresh canaries through the app's /fast/plant hook (needs --operator-token): a system-prompt line, a document for --restricted-group and, with --victim, that user's data; removed at the end." };
        var restrictedGroup = new Option<string>("--restricted-group") { Description = "Group the planted restricted document is limited to; one the scanning user does not hold.", DefaultValueFactory = _ => ScanCanaries.DefaultRestrictedGroup };
        var victim = new Option<string>("--victim") { Description = $"User id whose planted data the scanning user must not reach (or set {VictimVariable}); without it no other-users-data canary is planted." };

        var command = new Command("run", "Run the attack corpus against a chat app, write the reports, and exit 0 (gate passed), 1 (gate failed), 2 (usage or configuration error) or 3 (target unreachable).")
        {
            url, token, operatorToken, path, file, dir, config, seed, noMutations, caseId, rate, canaries, forbidden, allowedHosts, outDir, failOn, concurrency, delay, timeout,
            plantCanaries, restrictedGroup, victim,
        };

        command.Action = new FastRunAction(async (parseResult, cancellationToken) =>
        {
            List<string> problems = [.. parseResult.Errors.Select(error => error.Message)];
            problems.AddRange(parseResult.UnmatchedTokens.Select(token => $"unrecognized argument '{token}'."));
            var settings = problems.Count == 0 ? Bind(parseResult, problems) : null;
            if (settings is null || problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await console.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                }

                await console.Error.WriteLineAsync("Fix: see 'goldenpath fast run --help'.").ConfigureAwait(false);
                return FastExitCodes.ConfigurationError;
            }

            return await FastRun.RunAsync(settings, console, cancellationToken).ConfigureAwait(false);
        });
        return command;

        FastRunSettings? Bind(ParseResult parseResult, List<string> problems)
        {
            var target = ParseUrl(parseResult.GetValue(url), problems);
            var severity = ParseSeverity(parseResult.GetValue(failOn), problems);
            var perSecond = ParseRate(parseResult.GetValue(rate), problems);
            var canaryList = ParseCanaries(parseResult.GetValue(canaries) ?? [], problems);
            Require(parseResult.GetValue(concurrency), "--concurrency", 1, 64, problems);
            Require(parseResult.GetValue(delay), "--delay-ms", 0, 600_000, problems);
            Require(parseResult.GetValue(timeout), "--timeout-seconds", 1, 3_600, problems);
            if (problems.Count > 0 || target is null)
            {
                return null;
            }

            return new FastRunSettings(
                target,
                parseResult.GetValue(token) ?? Environment.GetEnvironmentVariable(TokenVariable),
                parseResult.GetValue(operatorToken) ?? Environment.GetEnvironmentVariable(OperatorTokenVariable),
                parseResult.GetRequiredValue(path),
                parseResult.GetValue(file)?.FullName,
                parseResult.GetValue(dir)?.FullName,
                parseResult.GetValue(config)?.FullName,
                parseResult.GetValue(noMutations) ? null : parseResult.GetValue(seed),
                parseResult.GetValue(caseId),
                perSecond,
                canaryList,
                parseResult.GetValue(forbidden) ?? [],
                parseResult.GetValue(allowedHosts) ?? [],
                parseResult.GetRequiredValue(outDir).FullName,
                severity,
                parseResult.GetValue(concurrency),
                TimeSpan.FromMilliseconds(parseResult.GetValue(delay)),
                TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
                parseResult.GetValue(plantCanaries),
                parseResult.GetRequiredValue(restrictedGroup),
                parseResult.GetValue(victim) ?? NonEmpty(Environment.GetEnvironmentVariable(VictimVariable)));
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? ParseUrl(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("--url is required; write it like --url https://localhost:7001.");
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        problems.Add($"--url '{text}' is not an absolute http or https URL; write it like https://localhost:7001.");
        return null;
    }

    private static Severity? ParseSeverity(string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (text is "critical" or "high" or "medium" or "low")
        {
            return Enum.Parse<Severity>(text, ignoreCase: true);
        }

        problems.Add($"--fail-on '{text}' is not a severity; use critical, high, medium or low.");
        return null;
    }

    private static double? ParseRate(string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        var number = text.EndsWith("/s", StringComparison.Ordinal) ? text[..^2] : text;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is > 0 and <= 1_000)
        {
            return rate;
        }

        problems.Add($"--rate '{text}' is not a rate; write it like --rate 5/s (more than 0, at most 1000).");
        return null;
    }

    private static Canary[] ParseCanaries(string[] values, List<string> problems)
    {
        List<Canary> canaries = [];
        foreach (var value in values)
        {
            var separator = value.IndexOf('=');
            if (separator <= 0 || separator == value.Length - 1)
            {
                problems.Add($"--canary '{value}' is not NAME=VALUE; write it like --canary system-prompt=GPCANARY-0123456789ABCDEF.");
                continue;
            }

            canaries.Add(new Canary(value[..separator].Trim(), value[(separator + 1)..].Trim()));
        }

        return [.. canaries];
    }

    private static void Require(int value, string name, int minimum, int maximum, List<string> problems)
    {
        if (value < minimum || value > maximum)
        {
            problems.Add($"{name} must be between {minimum} and {maximum}, but was {value}.");
        }
    }

    /// <summary>A custom corpus is identified by its content, so two scorecards name the same corpus only if it was identical.</summary>
    internal static async Task<string> FileVersionAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return $"{Path.GetFileName(path)}@sha256:{Convert.ToHexStringLower(hash)[..12]}";
    }
}
