using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoldenPath.Fast;

/// <summary>SARIF 2.1.0 for code scanning: one rule per evaluator and technique, one result per finding.</summary>
internal static class SarifReport
{
    private const string FingerprintName = "fastFinding/v1";

    public static string Render(Scorecard scorecard)
    {
        var ruleIds = scorecard.Findings.Select(RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rules = new JsonArray([.. ruleIds.Select(id => Rule(id, scorecard.Findings.First(finding => RuleId(finding) == id)))]);
        var results = new JsonArray([.. scorecard.Findings.Select(finding => Result(finding, ruleIds.IndexOf(RuleId(finding))))]);

        var version = typeof(SarifReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "GoldenPath FAST",
                        ["semanticVersion"] = version.Split('+')[0],
                        ["rules"] = rules,
                    },
                },
                ["automationDetails"] = new JsonObject { ["id"] = $"fast/{scorecard.CorpusVersion}/" },
                ["properties"] = new JsonObject { ["corpusVersion"] = scorecard.CorpusVersion, ["score"] = scorecard.Score },
                ["results"] = results,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string RuleId(Finding finding) => $"{finding.Evaluator}/{finding.Technique ?? "unknown"}";

    private static JsonObject Rule(string id, Finding example) => new()
    {
        ["id"] = id,
        ["name"] = string.Concat(id.Split('/', '-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..])),
        ["shortDescription"] = new JsonObject { ["text"] = $"{example.Evaluator} finding for {example.Technique ?? "unknown"} attacks" },
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(example.Severity) },
        ["properties"] = new JsonObject { ["tags"] = new JsonArray("security", example.Category) },
    };

    private static JsonObject Result(Finding finding, int ruleIndex) => new()
    {
        ["ruleId"] = RuleId(finding),
        ["ruleIndex"] = ruleIndex,
        ["level"] = Level(finding.Severity),
        ["message"] = new JsonObject { ["text"] = $"{finding.Category} case {finding.CaseId}: {finding.Evidence}" },
        ["locations"] = new JsonArray(new JsonObject
        {
            ["logicalLocations"] = new JsonArray(new JsonObject
            {
                ["name"] = finding.CaseId,
                ["fullyQualifiedName"] = $"{finding.Category}/{finding.CaseId}",
                ["kind"] = "object",
            }),
        }),
        // Case and evaluator, not the evidence: the same leak in the next scan must match this result.
        ["partialFingerprints"] = new JsonObject { [FingerprintName] = Fingerprint(finding) },
        ["properties"] = new JsonObject
        {
            ["severity"] = finding.Severity.ToString().ToLowerInvariant(),
            ["replay"] = finding.Replay,
        },
    };

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string Fingerprint(Finding finding) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.CaseId}\n{finding.Evaluator}")))[..32];
}
