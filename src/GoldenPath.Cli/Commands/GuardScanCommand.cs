using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GoldenPath.Cli.Output;
using GoldenPath.Guardrails;

namespace GoldenPath.Cli.Commands;

/// <summary>
/// <c>goldenpath guard scan</c>: decides every line of a JSONL file with the guardrails, one output line per input line,
/// in order, with the in-process latency of that one decision. Used to measure detection and speed on a labelled set.
/// </summary>
internal static class GuardScanCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<FileInfo>("--input") { Description = "JSONL file: one object a line with 'id' and 'text'; other fields are ignored.", Required = true };
        var output = new Option<FileInfo?>("--output") { Description = "Where to write the JSONL results; standard output when omitted." };
        var policyFile = new Option<FileInfo>("--policy") { Description = "A policy file; defaults to the embedded default policy that gp-rag ships." };
        var direction = new Option<string>("--direction") { Description = "Decide the texts as model input or as model output.", DefaultValueFactory = _ => "input" };
        direction.AcceptOnlyFromAmong("input", "output");

        var command = new Command("scan", "Decide every line of a JSONL file; prints {id, action, rails, score, latencyUs} per line. Exit 2 on malformed input.")
        {
            input, output, policyFile, direction,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!PolicyCommands.TryLoad(parseResult.GetValue(policyFile)?.FullName, console, out var policy))
            {
                return ExitCodes.Error;
            }

            var file = parseResult.GetRequiredValue(input);
            if (!file.Exists)
            {
                console.Error.WriteLine($"error: {file.FullName} does not exist.");
                return ExitCodes.Error;
            }

            // Every line is read and checked before any is decided: a malformed line fails the whole run, so no
            // result set is ever silently missing a case.
            var (cases, errors) = await ReadCasesAsync(file, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine(error);
                }

                return ExitCodes.MalformedInput;
            }

            var engine = new GuardrailEngine(policy, new GuardrailOptions());
            var decideOutput = parseResult.GetRequiredValue(direction) == "output";
            var results = new StringBuilder();
            foreach (var (id, text) in cases)
            {
                var started = Stopwatch.GetTimestamp();
                var verdict = decideOutput ? engine.EvaluateOutput(text) : engine.EvaluateInput(text);
                var latency = Stopwatch.GetElapsedTime(started);
                var decided = new ScanResult(
                    id,
                    verdict.Action,
                    [.. verdict.Findings.Where(f => f.Action != RailAction.Allow).Select(f => f.Rail).Distinct(StringComparer.Ordinal)],
                    Math.Round(verdict.Findings.Select(f => f.Score).DefaultIfEmpty(0).Max(), 4),
                    Math.Round(latency.TotalMicroseconds, 1));
                results.AppendLine(JsonSerializer.Serialize(decided, CliJson.Compact));
            }

            if (parseResult.GetValue(output) is { } target)
            {
                await AtomicFile.WriteAllTextAsync(target.FullName, results.ToString(), cancellationToken).ConfigureAwait(false);
                console.Error.WriteLine($"{cases.Count} decisions written to {target.FullName}");
            }
            else
            {
                console.Out.Write(results.ToString());
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<(List<(string Id, string Text)> Cases, List<string> Errors)> ReadCasesAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var cases = new List<(string, string)>();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        await foreach (var line in File.ReadLinesAsync(file.FullName, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (Parse(line) is not { } parsed)
            {
                errors.Add($"{file.FullName}({number}): not a JSON object with a string 'id' and a string 'text'. Fix: write one object per line, e.g. {{\"id\":\"a1\",\"text\":\"...\"}}.");
            }
            else if (!seen.Add(parsed.Id))
            {
                errors.Add($"{file.FullName}({number}): duplicate id '{parsed.Id}'. Fix: give every line its own id, so results can be matched to cases.");
            }
            else
            {
                cases.Add(parsed);
            }
        }

        return (cases, errors);
    }

    private static (string Id, string Text)? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } idText
                && root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                ? (idText, text.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ScanResult(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("action")] RailAction Action,
        [property: JsonPropertyName("rails")] IReadOnlyList<string> Rails,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("latencyUs")] double LatencyUs);
}
