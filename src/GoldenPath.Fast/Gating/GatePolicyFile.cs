using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GoldenPath.Fast;

/// <summary>Reads <c>fast.yaml</c> strictly: unknown keys and bad values are errors with a line, never ignored.</summary>
internal static partial class GatePolicyFile
{
    private static readonly string[] SeverityNames = ["critical", "high", "medium", "low"];

    public static GatePolicy Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new GateConfigurationException(path, 1, "the gate policy file does not exist", "pass the path of an existing fast.yaml, or leave out --config to use the default gate");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new GateConfigurationException(path, (int)ex.Start.Line, $"invalid YAML: {ex.Message}", "check the indentation and the 'key: value' syntax on that line");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new GateConfigurationException(path, 1, "the file has no 'gate:' mapping", "start the file with 'gate:' followed by indented maxFindings, minPassRate or baseline");
        }

        var policy = new GatePolicy();
        foreach (var (key, value) in Entries(root, path, ["gate"]))
        {
            if (value is not YamlMappingNode gate)
            {
                throw Error(path, value, "'gate' must be a mapping", "indent maxFindings, minPassRate and baseline under 'gate:'");
            }

            foreach (var (name, node) in Entries(gate, path, ["maxFindings", "minPassRate", "baseline"]))
            {
                switch (name.Value)
                {
                    case "maxFindings":
                        ReadMaxFindings(policy, node, path);
                        break;
                    case "minPassRate":
                        ReadMinPassRate(policy, node, path);
                        break;
                    default:
                        policy.Baseline = ReadBaseline(node, path);
                        break;
                }
            }

            _ = key;
        }

        return policy;
    }

    private static void ReadMaxFindings(GatePolicy policy, YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(path, node, "'maxFindings' must be a mapping of severity to a count", "write for example 'maxFindings: { critical: 0, high: 0 }'");
        }

        foreach (var (key, value) in Entries(mapping, path, SeverityNames))
        {
            var severity = Enum.Parse<Severity>(key.Value!, ignoreCase: true);
            if (IsNull(value))
            {
                policy.MaxFindings[severity] = null;
                continue;
            }

            if (value is not YamlScalarNode scalar || !int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                throw Error(path, value, $"maxFindings.{key.Value} must be a whole number of 0 or more, or null", $"write '{key.Value}: 0' to allow none, or '{key.Value}: null' for no limit");
            }

            policy.MaxFindings[severity] = max;
        }
    }

    private static void ReadMinPassRate(GatePolicy policy, YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(path, node, "'minPassRate' must be a mapping of OWASP category to a rate", "write for example 'minPassRate: { LLM01: 0.95 }'");
        }

        foreach (var (key, value) in mapping.Children)
        {
            var category = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!CategoryPattern().IsMatch(category))
            {
                throw Error(path, key, $"unknown category '{category}' in minPassRate", "use an OWASP Top 10 for LLM Applications 2025 id from LLM01 to LLM10");
            }

            if (value is not YamlScalarNode scalar
                || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                || rate is < 0 or > 1)
            {
                throw Error(path, value, $"minPassRate.{category} must be a number from 0 to 1", $"write for example '{category}: 0.95' for 95 percent");
            }

            policy.MinPassRate[category] = rate;
        }
    }

    private static FindingKey[] ReadBaseline(YamlNode node, string path)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 } relative })
        {
            throw Error(path, node, "'baseline' must be the path of a scorecard.json", "write for example 'baseline: fast/baseline/scorecard.json'");
        }

        // Relative to the policy file, so the same fast.yaml works from any working directory.
        var baseline = Path.GetFullPath(relative, Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!File.Exists(baseline))
        {
            throw Error(path, node, $"baseline '{relative}' does not exist (looked for {baseline})", "commit the scorecard.json of an accepted scan there, or remove the 'baseline' line");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(baseline));
            if (!document.RootElement.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                throw Error(path, node, $"baseline '{relative}' has no 'findings' array", "point 'baseline' at a scorecard.json written by goldenpath fast run");
            }

            return [.. findings.EnumerateArray().Select(finding => new FindingKey(
                finding.GetProperty("caseId").GetString()!,
                finding.GetProperty("evaluator").GetString()!))];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw Error(path, node, $"baseline '{relative}' is not a valid scorecard.json ({ex.Message})", "point 'baseline' at a scorecard.json written by goldenpath fast run");
        }
    }

    private static IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries(YamlMappingNode mapping, string path, string[] allowed)
    {
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode scalar || !allowed.Contains(scalar.Value, StringComparer.Ordinal))
            {
                throw Error(path, key, $"unknown key '{(key as YamlScalarNode)?.Value ?? key.ToString()}'", $"use one of: {string.Join(", ", allowed)}");
            }

            yield return (scalar, value);
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static GateConfigurationException Error(string path, YamlNode node, string reason, string fix) =>
        new(path, (int)node.Start.Line, reason, fix);

    [GeneratedRegex("^LLM(0[1-9]|10)$")]
    private static partial Regex CategoryPattern();
}
