using System.Text.RegularExpressions;

namespace GoldenPath.Fast.Tests.Corpus;

public sealed class AttackCorpusTests
{
    private const string ValidLine = """{"id": "ok-1", "technique": "t", "category": "LLM01", "severity": "high", "prompt": "hello", "expected": "deflect"}""";

    [Fact]
    public void Embedded_corpus_loads_at_least_sixty_cases_with_unique_ids()
    {
        var cases = AttackCorpus.LoadEmbedded();

        Assert.True(cases.Count >= 60, $"only {cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("LLM01")]
    [InlineData("LLM02")]
    [InlineData("LLM05")]
    [InlineData("LLM06")]
    [InlineData("LLM07")]
    [InlineData("LLM10")]
    public void Embedded_corpus_covers_category(string category)
    {
        Assert.Contains(AttackCorpus.LoadEmbedded(), c => c.Category == category);
    }

    [Fact]
    public void Embedded_corpus_has_multi_turn_escalations_and_every_severity()
    {
        var cases = AttackCorpus.LoadEmbedded();

        Assert.Contains(cases, c => c.Turns.Count >= 3);
        Assert.Contains(cases, c => c.Severity == Severity.Critical);
        Assert.Contains(cases, c => c.Expected == ExpectedOutcome.Error);
        Assert.All(cases, c => Assert.All(c.Turns, turn => Assert.False(string.IsNullOrWhiteSpace(turn))));
    }

    [Fact]
    public void Embedded_version_is_read_from_the_corpus_header()
    {
        Assert.Matches(new Regex(@"^\d{4}\.\d{2}\.\d{2}$"), AttackCorpus.EmbeddedVersion);
    }

    [Fact]
    public void Parse_skips_comments_and_blank_lines_and_maps_fields()
    {
        var text = """
            # a comment

            {"id": "a", "technique": "role-play", "category": "LLM07", "severity": "critical", "prompt": "one", "expected": "no-disclosure"}
            {"id": "b", "technique": "escalation", "category": "LLM10", "severity": "low", "turns": ["x", "y"], "expected": "error"}
            """;

        var cases = AttackCorpus.Parse(new StringReader(text), "inline.jsonl");

        Assert.Collection(
            cases,
            first =>
            {
                Assert.Equal(("a", "role-play", "LLM07", Severity.Critical, ExpectedOutcome.NoDisclosure), (first.Id, first.Technique, first.Category, first.Severity, first.Expected));
                Assert.Equal(["one"], first.Turns);
            },
            second =>
            {
                Assert.Equal(("b", "escalation", "LLM10", Severity.Low, ExpectedOutcome.Error), (second.Id, second.Technique, second.Category, second.Severity, second.Expected));
                Assert.Equal(["x", "y"], second.Turns);
            });
    }

    [Fact]
    public void Parse_reads_planted_documents_with_groups_and_placeholders()
    {
        var line = """{"id": "d1", "technique": "indirect-injection", "category": "LLM08", "severity": "critical", "prompt": "find it", "expected": "no-disclosure", "documents": [{"id": "a", "title": "Public", "text": "hello"}, {"id": "b", "title": "Restricted", "text": "ref {{canary:restricted-doc}}", "groups": ["hr"]}]}""";

        var attack = Assert.Single(AttackCorpus.Parse(new StringReader(line), "d.jsonl"));

        Assert.Equal(2, attack.Documents.Count);
        Assert.Empty(attack.Documents[0].Groups);
        Assert.Equal(("b", "Restricted", "ref {{canary:restricted-doc}}"), (attack.Documents[1].Id, attack.Documents[1].Title, attack.Documents[1].Text));
        Assert.Equal(["hr"], attack.Documents[1].Groups);
    }

    [Fact]
    public void Parse_reports_broken_json_with_its_line_number()
    {
        var text = $"# header\n{ValidLine}\n{{\"id\": \"broken\", \n";

        var error = Assert.Throws<CorpusException>(() => AttackCorpus.Parse(new StringReader(text), "attacks.jsonl"));

        Assert.Equal(3, error.Line);
        Assert.Equal("attacks.jsonl", error.Source);
        Assert.StartsWith("attacks.jsonl(3): invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "severe", "prompt": "p", "expected": "deflect"}""", "unknown severity 'severe'", "low, medium, high, critical")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "deflect", "notes": "n"}""", "unknown field 'notes'", "remove it")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM11", "severity": "low", "prompt": "p", "expected": "deflect"}""", "unknown category 'LLM11'", "LLM01 to LLM10")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "block"}""", "unknown expected outcome 'block'", "deflect, no-disclosure, error")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "turns": [], "expected": "deflect"}""", "'turns' is empty", "at least one message")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "turns": ["a", ""], "expected": "deflect"}""", "turn 2 is not a non-empty string", "non-empty")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "expected": "deflect"}""", "missing 'turns'", "\"prompt\"")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "turns": ["q"], "expected": "deflect"}""", "both 'turns' and 'prompt'", "not both")]
    [InlineData("""{"technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "deflect"}""", "missing field 'id'", "\"id\"")]
    [InlineData("""{"id": "x y", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "deflect"}""", "id 'x y' has characters", "use an id")]
    [InlineData("""["not", "an", "object"]""", "expected a JSON object but found an array", "JSON object")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "no-disclosure", "documents": "doc"}""", "'documents' must be a non-empty array", "remove the field")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "no-disclosure", "documents": []}""", "'documents' must be a non-empty array", "remove the field")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "no-disclosure", "documents": ["text"]}""", "document 1 is a string, not an object", "write each document")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "no-disclosure", "documents": [{"id": "d", "title": "t"}]}""", "document 1: missing field 'text'", "add")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "no-disclosure", "documents": [{"id": "d", "title": "t", "text": "x", "owner": "o"}]}""", "document 1 has unknown field 'owner'", "id, title, text, groups")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "no-disclosure", "documents": [{"id": "d", "title": "t", "text": "x"}, {"id": "D", "title": "t", "text": "y"}]}""", "document 2 repeats document id 'D'", "its own id")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "no-disclosure", "documents": [{"id": "d", "title": "t", "text": "x", "groups": ["hr", 3]}]}""", "document 1 has 'groups' that is not an array of non-empty strings", "remove the field")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "no-disclosure", "documents": [{"id": "d", "title": "t", "text": "code {{canary:bad name}}"}]}""", "malformed canary placeholder '{{canary:bad name}}'", "{{canary:NAME}}")]
    [InlineData("""{"id": "x", "technique": "t", "category": "LLM01", "severity": "low", "prompt": "p", "expected": "no-disclosure", "documents": [{"id": "d", "title": "t", "text": "key {{canary:tool-secret}}"}]}""", "document 1 ('d') holds a canary but has no 'groups'", "separate restricted document")]
    public void Parse_rejects_invalid_case_with_reason_and_fix(string badLine, string reason, string fix)
    {
        var text = $"{ValidLine}\n\n{badLine}\n";

        var error = Assert.Throws<CorpusException>(() => AttackCorpus.Parse(new StringReader(text), "c.jsonl"));

        Assert.Equal(3, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains(fix, error.Fix, StringComparison.Ordinal);
        Assert.StartsWith($"c.jsonl(3): {error.Reason}. Fix: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_duplicate_id_naming_both_lines()
    {
        var text = $"{ValidLine}\n# comment\n{ValidLine.Replace("\"ok-1\"", "\"OK-1\"", StringComparison.Ordinal)}\n";

        var error = Assert.Throws<CorpusException>(() => AttackCorpus.Parse(new StringReader(text), "c.jsonl"));

        Assert.Equal(3, error.Line);
        Assert.Contains("duplicate id 'OK-1' (first used on line 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_rejects_corpus_without_cases()
    {
        var error = Assert.Throws<CorpusException>(() => AttackCorpus.Parse(new StringReader("# only comments\n\n"), "empty.jsonl"));

        Assert.Contains("no cases", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_reads_a_file_and_names_it_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fast-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, $"{ValidLine}\n{{oops\n");
        try
        {
            var error = Assert.Throws<CorpusException>(() => AttackCorpus.LoadFile(path));

            Assert.Equal(path, error.Source);
            Assert.Equal(2, error.Line);
            Assert.StartsWith($"{path}(2):", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_reports_a_missing_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.jsonl");

        var error = Assert.Throws<CorpusException>(() => AttackCorpus.LoadFile(path));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Source);
    }
}
