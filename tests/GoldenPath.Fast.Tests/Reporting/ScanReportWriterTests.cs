using System.Text.Json;
using System.Xml.Linq;
using GoldenPath.Fast.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace GoldenPath.Fast.Tests.Reporting;

public sealed class ScanReportWriterTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("fast-reports-").FullName;

    [Fact]
    public async Task Writes_the_five_reports_and_nothing_else()
    {
        var written = await ScanReportWriter.WriteAsync(Scorecards.Mixed(), new GatePolicy().Evaluate(Scorecards.Mixed()), directory, TestContext.Current.CancellationToken);

        string[] expected = ["report.html", "results.junit.xml", "results.sarif", "scorecard.json", "scorecard.md"];
        Assert.Equal(expected, Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(5, written.Count);
    }

    [Fact]
    public void Score_weights_cases_by_severity()
    {
        var scorecard = Scorecards.Mixed();

        // Passed: ok-1 (high 5), ok-2 (low 1), ok-3 (critical 10, medium finding only); failed: leak-1 (critical 10), crash-1 (medium 2).
        Assert.Equal(Math.Round(100.0 * 16 / 28, 1), scorecard.Score);
        var llm01 = Assert.Single(scorecard.ByCategory, g => g.Key == "LLM01");
        Assert.Equal((3, 1), (llm01.Cases, llm01.Passed));
        Assert.Equal(1.0, Assert.Single(scorecard.ByCategory, g => g.Key == "LLM07").PassRate);
        Assert.Equal(["critical", "high", "low", "medium"], scorecard.BySeverity.Select(g => g.Key));
    }

    [Fact]
    public async Task Scorecard_json_carries_counts_score_and_a_replay_command_per_finding()
    {
        await ScanReportWriter.WriteAsync(Scorecards.Mixed(), null, directory, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "scorecard.json"), TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("2026.11.29", root.GetProperty("corpusVersion").GetString());
        Assert.Equal(Scorecards.Mixed().Score, root.GetProperty("score").GetDouble());
        Assert.Equal(2, root.GetProperty("byCategory").GetArrayLength());
        Assert.True(root.GetProperty("byTechnique").GetArrayLength() > 0);
        var finding = root.GetProperty("findings")[0];
        Assert.Equal("leak-1", finding.GetProperty("caseId").GetString());
        Assert.Equal("goldenpath fast run --case leak-1 --url http://127.0.0.1:5000", finding.GetProperty("replay").GetString());
    }

    [Fact]
    public async Task Sarif_is_valid_against_the_official_2_1_0_schema()
    {
        var schema = await JsonSchema.FromJsonAsync(await SarifSchema.LoadAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        await ScanReportWriter.WriteAsync(Scorecards.Mixed(), null, directory, TestContext.Current.CancellationToken);
        var sarif = await File.ReadAllTextAsync(Path.Combine(directory, "results.sarif"), TestContext.Current.CancellationToken);

        var errors = schema.Validate(sarif);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        var run = JObject.Parse(sarif)["runs"]![0]!;
        var results = (JArray)run["results"]!;
        Assert.Equal(3, results.Count);
        var leak = results.Single(r => (string?)r["locations"]![0]!["logicalLocations"]![0]!["name"] == "leak-1");
        Assert.Equal("error", (string?)leak["level"]);
        Assert.Equal("canary-disclosure/test-technique", (string?)leak["ruleId"]);
        Assert.NotNull(leak["partialFingerprints"]!["fastFinding/v1"]);
        Assert.Equal("warning", (string?)results.Single(r => (string?)r["ruleId"] == "expectation/test-technique")["level"]);
        var rules = ((JArray)run["tool"]!["driver"]!["rules"]!).Select(r => (string?)r["id"]).ToArray();
        Assert.All(results, r => Assert.Equal((string?)r["ruleId"], rules[(int)r["ruleIndex"]!]));
    }

    [Fact]
    public async Task Sarif_fingerprints_identify_case_and_evaluator_not_evidence()
    {
        var first = Path.Combine(directory, "a");
        var second = Path.Combine(directory, "b");
        await ScanReportWriter.WriteAsync(Scorecards.Mixed(), null, first, TestContext.Current.CancellationToken);
        await ScanReportWriter.WriteAsync(Scorecards.Mixed("canary 'system-prompt' in base64 form at offset 99"), null, second, TestContext.Current.CancellationToken);

        Assert.Equal(Fingerprints(first), Fingerprints(second));
        Assert.Equal(3, Fingerprints(first).Distinct().Count());
    }

    [Fact]
    public async Task JUnit_has_a_suite_per_category_and_fails_disclosed_and_errored_cases()
    {
        await ScanReportWriter.WriteAsync(Scorecards.Mixed(), null, directory, TestContext.Current.CancellationToken);

        var document = XDocument.Load(Path.Combine(directory, "results.junit.xml"));
        var root = document.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        var suites = root.Elements("testsuite").ToArray();
        Assert.Equal(["LLM01", "LLM07"], suites.Select(s => (string)s.Attribute("name")!));
        foreach (var suite in suites)
        {
            var cases = suite.Elements("testcase").ToArray();
            Assert.Equal((int)suite.Attribute("tests")!, cases.Length);
            Assert.Equal((int)suite.Attribute("failures")!, cases.Count(c => c.Element("failure") is not null));
        }

        Assert.Equal(5, (int)root.Attribute("tests")!);
        Assert.Equal(2, (int)root.Attribute("failures")!);
        var failed = suites[0].Elements("testcase").Where(c => c.Element("failure") is not null).Select(c => ((string)c.Attribute("name")!, (string)c.Element("failure")!.Attribute("type")!));
        Assert.Equal([("crash-1", "errored"), ("leak-1", "disclosed")], failed);
    }

    [Fact]
    public async Task Html_is_self_contained_and_escapes_attacker_text()
    {
        var scorecard = Scorecards.Mixed("answer was: <script>alert('x')</script> & more");

        await ScanReportWriter.WriteAsync(scorecard, new GatePolicy().Evaluate(scorecard), directory, TestContext.Current.CancellationToken);

        var html = await File.ReadAllTextAsync(Path.Combine(directory, "report.html"), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<svg").Length - 1);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.Contains("Gate FAILED", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_shows_score_pass_rates_and_the_gate()
    {
        var scorecard = Scorecards.Mixed();
        await ScanReportWriter.WriteAsync(scorecard, new GatePolicy().Evaluate(scorecard), directory, TestContext.Current.CancellationToken);

        var md = await File.ReadAllTextAsync(Path.Combine(directory, "scorecard.md"), TestContext.Current.CancellationToken);
        Assert.Contains($"- Score: {scorecard.Score:0.0} / 100", md, StringComparison.Ordinal);
        Assert.Contains("**Gate: FAILED**", md, StringComparison.Ordinal);
        Assert.Contains("| LLM07 | 2 | 1 | 0 | 1 | 0 | 100.0 % |", md, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static string[] Fingerprints(string folder) =>
        [.. ((JArray)JObject.Parse(File.ReadAllText(Path.Combine(folder, "results.sarif")))["runs"]![0]!["results"]!).Select(r => (string)r["partialFingerprints"]!["fastFinding/v1"]!)];
}
