using System.Text.Json;
using GoldenPath.Fast.Tests.Support;

namespace GoldenPath.Fast.Tests.Reporting;

public sealed class ScorecardTests
{
    private static Scorecard Sample()
    {
        CaseResult Result(string id, string category, CaseOutcome outcome, params Finding[] findings) =>
            new(Cases.Single("p", id: id, category: category), outcome, findings, TimeSpan.FromMilliseconds(12));

        return new Scorecard(
            "2030.01.01",
            new DateTimeOffset(2030, 1, 1, 8, 0, 0, TimeSpan.Zero),
            TimeSpan.FromSeconds(3),
            [
                Result("a", "LLM01", CaseOutcome.Deflected),
                Result("b", "LLM01", CaseOutcome.Answered),
                Result("c", "LLM07", CaseOutcome.Disclosed, new Finding("c", "LLM07", Severity.Critical, "canary-disclosure", "canary 'x' | in `plain` form")),
                Result("d", "LLM07", CaseOutcome.Deflected),
                Result("e", "LLM05", CaseOutcome.Errored, new Finding("e", "LLM05", Severity.High, "error-class", "HTTP 500")),
            ]);
    }

    [Fact]
    public void Counts_are_computed_from_results()
    {
        var scorecard = Sample();

        Assert.Equal(scorecard.Results.Count(r => r.Outcome == CaseOutcome.Deflected), scorecard.Outcomes.Deflected);
        Assert.Equal(scorecard.Results.Count, scorecard.Outcomes.Total);
        Assert.Equal(["LLM01", "LLM05", "LLM07"], scorecard.Categories.Select(c => c.Category));
        Assert.Equal(scorecard.Results.Count(r => r.Case.Category == "LLM07" && r.Outcome == CaseOutcome.Disclosed), scorecard.Categories[2].Outcomes.Disclosed);
        Assert.Equal([Severity.Critical, Severity.High], scorecard.Findings.Select(f => f.Severity));
    }

    [Fact]
    public void Json_round_trips_and_uses_camel_case_and_string_enums()
    {
        var scorecard = Sample();

        var json = scorecard.ToJson();
        var copy = Scorecard.FromJson(json);

        Assert.Equal(json, copy.ToJson());
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("2030.01.01", root.GetProperty("corpusVersion").GetString());
        Assert.Equal(scorecard.Outcomes.Disclosed, root.GetProperty("outcomes").GetProperty("disclosed").GetInt32());
        var firstResult = root.GetProperty("results")[0];
        Assert.Equal("deflected", firstResult.GetProperty("outcome").GetString());
        Assert.Equal("deflect", firstResult.GetProperty("case").GetProperty("expected").GetString());
        Assert.Equal("critical", root.GetProperty("findings")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public void Json_counts_are_recomputed_not_trusted()
    {
        var json = Sample().ToJson().Replace("\"disclosed\": 1", "\"disclosed\": 99", StringComparison.Ordinal);

        Assert.Equal(1, Scorecard.FromJson(json).Outcomes.Disclosed);
    }

    [Fact]
    public void Markdown_shows_computed_counts_and_quotes_evidence_safely()
    {
        var scorecard = Sample();

        var markdown = scorecard.ToMarkdown();

        Assert.Contains($"| deflected | {scorecard.Outcomes.Deflected} |", markdown, StringComparison.Ordinal);
        Assert.Contains($"- Cases: {scorecard.Results.Count}", markdown, StringComparison.Ordinal);
        var llm07 = scorecard.Categories.Single(c => c.Category == "LLM07").Outcomes;
        Assert.Contains($"| LLM07 | {llm07.Total} | {llm07.Deflected} | {llm07.Errored} | {llm07.Answered} | {llm07.Disclosed} |", markdown, StringComparison.Ordinal);
        Assert.Contains("| critical | `c` | LLM07 | canary-disclosure | `canary 'x' \\| in 'plain' form` |", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("| critical |", StringComparison.Ordinal) < markdown.IndexOf("| high |", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_says_when_there_are_no_findings()
    {
        var scorecard = new Scorecard("v", DateTimeOffset.UnixEpoch, TimeSpan.Zero, [new CaseResult(Cases.Single("p"), CaseOutcome.Deflected, [], TimeSpan.Zero)]);

        Assert.Contains("No findings.", scorecard.ToMarkdown(), StringComparison.Ordinal);
    }
}
