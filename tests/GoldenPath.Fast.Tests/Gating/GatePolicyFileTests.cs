using GoldenPath.Fast.Tests.Support;

namespace GoldenPath.Fast.Tests.Gating;

public sealed class GatePolicyFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("fast-gate-").FullName;

    [Fact]
    public void Max_findings_per_severity_blocks_only_above_the_limit()
    {
        var policy = Load("gate:\n  maxFindings:\n    critical: 1\n    high: 0\n    medium: null\n");

        var result = policy.Evaluate(Scorecards.Mixed());

        Assert.False(result.Passed);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["1 high finding(s), at most 0 allowed"], result.Violations);
        Assert.Equal("crash-1", Assert.Single(result.Blocking).CaseId);
    }

    [Fact]
    public void Null_limits_allow_any_number()
    {
        var policy = Load("gate:\n  maxFindings: { critical: null, high: ~, medium: null, low: null }\n");

        Assert.True(policy.Evaluate(Scorecards.Mixed()).Passed);
    }

    [Fact]
    public void Min_pass_rate_per_category_fails_a_weak_category()
    {
        var policy = Load("gate:\n  maxFindings: { critical: null }\n  minPassRate:\n    LLM01: 0.5\n    LLM07: 0.95\n");

        var result = policy.Evaluate(Scorecards.Mixed());

        Assert.Equal(["LLM01 pass rate 0.3333 is below 0.50"], result.Violations);
    }

    [Fact]
    public async Task Baseline_counts_only_new_findings_and_lists_fixed_ones()
    {
        var baseline = new Scorecard("v", DateTimeOffset.UnixEpoch, TimeSpan.Zero,
        [
            Scorecards.Result("leak-1", "LLM01", CaseOutcome.Disclosed, Severity.Critical, Scorecards.Finding("leak-1", "LLM01", Severity.Critical)),
            Scorecards.Result("gone-1", "LLM02", CaseOutcome.Disclosed, Severity.Critical, Scorecards.Finding("gone-1", "LLM02", Severity.Critical)),
        ]);
        Directory.CreateDirectory(Path.Combine(directory, "fast"));
        await File.WriteAllTextAsync(Path.Combine(directory, "fast", "baseline.json"), baseline.ToJson(), TestContext.Current.CancellationToken);
        var policy = Load("gate:\n  maxFindings: { critical: 0, high: 0 }\n  baseline: fast/baseline.json\n");

        var result = policy.Evaluate(Scorecards.Mixed());

        Assert.True(result.HasBaseline);
        Assert.Equal([new FindingKey("crash-1", "error-class"), new FindingKey("ok-3", "expectation")], result.NewFindings.Select(f => f.Key).Order(Comparer<FindingKey>.Create((a, b) => string.CompareOrdinal(a.CaseId, b.CaseId))));
        Assert.Equal([new FindingKey("gone-1", "canary-disclosure")], result.FixedFindings);
        Assert.Equal(["1 new high finding(s), at most 0 allowed"], result.Violations);
    }

    [Theory]
    [InlineData("gate:\n  maxFindings:\n    severe: 0\n", 3, "unknown key 'severe'", "critical, high, medium, low")]
    [InlineData("gate:\n  maxFindings:\n    high: lots\n", 3, "maxFindings.high must be a whole number", "'high: 0'")]
    [InlineData("gate:\n  minPassRate:\n    LLM11: 0.9\n", 3, "unknown category 'LLM11'", "LLM01 to LLM10")]
    [InlineData("gate:\n  minPassRate:\n    LLM01: 95\n", 3, "minPassRate.LLM01 must be a number from 0 to 1", "0.95")]
    [InlineData("gate:\n  baseline: missing/scorecard.json\n", 2, "baseline 'missing/scorecard.json' does not exist", "commit the scorecard.json")]
    [InlineData("gate:\n  maxFinding: {}\n", 2, "unknown key 'maxFinding'", "maxFindings, minPassRate, baseline")]
    [InlineData("gates: {}\n", 1, "unknown key 'gates'", "use one of: gate")]
    [InlineData("gate:\n  maxFindings: [1, 2\n", 3, "invalid YAML", "indentation")]
    [InlineData("- just\n- a list\n", 1, "no 'gate:' mapping", "start the file")]
    public void Bad_policy_files_name_the_line_and_the_fix(string yaml, int line, string reason, string fix)
    {
        var path = Write(yaml);

        var ex = Assert.Throws<GateConfigurationException>(() => GatePolicy.Load(path));

        Assert.Equal(line, ex.Line);
        Assert.StartsWith($"{path}({line}): ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(fix, ex.Message[ex.Message.IndexOf("Fix: ", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_that_is_not_a_scorecard_is_a_configuration_error()
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "b.json"), "{\"hello\": 1}", TestContext.Current.CancellationToken);
        var path = Write("gate:\n  baseline: b.json\n");

        var ex = Assert.Throws<GateConfigurationException>(() => GatePolicy.Load(path));

        Assert.Contains("has no 'findings' array", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private GatePolicy Load(string yaml) => GatePolicy.Load(Write(yaml));

    private string Write(string yaml)
    {
        var path = Path.Combine(directory, "fast.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
