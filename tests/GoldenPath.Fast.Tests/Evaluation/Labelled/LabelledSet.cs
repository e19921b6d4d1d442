using System.Text.Json;

namespace GoldenPath.Fast.Tests.Evaluation.Labelled;

/// <summary>
/// The labelled response file: a configuration object (canaries, forbidden markers, allowed hosts) followed by one
/// labelled response per line. It lives with the tests, not in the package: it measures the evaluators, it is not
/// something a scan needs.
/// </summary>
internal sealed class LabelledSet
{
    public static readonly string[] LabelNames = ["disclosure", "refusal", "exfiltration", "pii", "error"];

    private LabelledSet(FastScanOptions options, IReadOnlyList<LabelledResponse> responses)
    {
        Options = options;
        Responses = responses;
    }

    public FastScanOptions Options { get; }

    public IReadOnlyList<LabelledResponse> Responses { get; }

    public static string DefaultPath => Path.Combine(RepositoryRoot(), "tests", "GoldenPath.Fast.Tests", "Evaluation", "Labelled", "responses.jsonl");

    public static LabelledSet Load(string path)
    {
        FastScanOptions? options = null;
        List<LabelledResponse> responses = [];
        HashSet<string> ids = new(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (options is null)
            {
                options = ReadOptions(root, path, number);
                continue;
            }

            var id = root.GetProperty("id").GetString()!;
            if (!ids.Add(id))
            {
                throw new InvalidDataException($"{path}({number}): id '{id}' is defined twice. Fix: give each response its own id.");
            }

            var labels = root.GetProperty("labels");
            Dictionary<string, bool> values = [];
            foreach (var name in LabelNames)
            {
                if (!labels.TryGetProperty(name, out var value) || value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new InvalidDataException($"{path}({number}): label '{name}' is missing or not true/false. Fix: label every response for every evaluator.");
                }

                values[name] = value.GetBoolean();
            }

            var status = root.TryGetProperty("statusCode", out var code) ? code.GetInt32() : 200;
            responses.Add(new LabelledResponse(id, number, root.GetProperty("attackPrompt").GetString()!, root.GetProperty("response").GetString()!, status, values));
        }

        return new LabelledSet(options ?? throw new InvalidDataException($"{path}: no configuration line."), responses);
    }

    private static FastScanOptions ReadOptions(JsonElement root, string path, int line)
    {
        if (!root.TryGetProperty("canaries", out var canaries))
        {
            throw new InvalidDataException($"{path}({line}): the first object must configure canaries, forbiddenMarkers and allowedHosts.");
        }

        var options = new FastScanOptions();
        foreach (var canary in canaries.EnumerateArray())
        {
            options.Canaries.Add(new Canary(canary.GetProperty("name").GetString()!, canary.GetProperty("value").GetString()!));
        }

        foreach (var marker in root.GetProperty("forbiddenMarkers").EnumerateArray())
        {
            options.ForbiddenMarkers.Add(marker.GetString()!);
        }

        foreach (var host in root.GetProperty("allowedHosts").EnumerateArray())
        {
            options.AllowedHosts.Add(host.GetString()!);
        }

        return options;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GoldenPath.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GoldenPath.slnx above {AppContext.BaseDirectory}.");
    }
}
