namespace GoldenPath.Guardrails.Tests;

public sealed class RestrictedContentRailTests
{
    private static readonly GuardrailEngine s_engine = new(GuardrailPolicy.Default, new GuardrailOptions { RefusalMessage = "Refused." });

    [Fact]
    public void Blocks_an_answer_that_reproduces_a_restricted_document()
    {
        const string Answer = "The plan: close the Leeds office in March. Other news is fine.";
        var request = new GuardrailRequest { RestrictedContent = new PhraseProbe(("close the Leeds office in March", "hr-2026-restructure")) };

        var verdict = s_engine.EvaluateOutput(Answer, request);

        Assert.Equal(RailAction.Block, verdict.Action);
        Assert.Equal("Refused.", verdict.Text);
        var finding = Assert.Single(verdict.Findings);
        Assert.Equal(("restricted-content", "restricted-document"), (finding.Rail, finding.Category));
        Assert.Equal([new EvidenceSpan(10, 31)], finding.Evidence);
    }

    [Fact]
    public void Every_match_is_evidence()
    {
        const string Answer = "Salary bands are secret-a. Bonus pool is secret-b.";
        var request = new GuardrailRequest { RestrictedContent = new PhraseProbe(("secret-a", "doc-1"), ("secret-b", "doc-2")) };

        var finding = Assert.Single(s_engine.EvaluateOutput(Answer, request).Findings);

        Assert.Equal(["secret-a", "secret-b"], finding.Evidence.Select(e => Answer.Substring(e.Start, e.Length)));
    }

    [Fact]
    public void Passes_when_the_probe_finds_nothing_or_there_is_no_probe()
    {
        const string Answer = "Our office hours are nine to five.";

        Assert.Equal(RailAction.Allow, s_engine.EvaluateOutput(Answer, new GuardrailRequest { RestrictedContent = new PhraseProbe(("payroll", "doc")) }).Action);
        Assert.Equal(RailAction.Allow, s_engine.EvaluateOutput(Answer).Action);
    }

    [Fact]
    public void Redact_replaces_the_restricted_text()
    {
        var policy = GuardrailPolicy.Parse("""{ "version": "t", "rails": { "restrictedContent": { "action": "redact" } } }""", "r.json");
        var request = new GuardrailRequest { RestrictedContent = new PhraseProbe(("Project Heron", "board-minutes")) };

        var verdict = new GuardrailEngine(policy, new GuardrailOptions()).EvaluateOutput("We discussed Project Heron today.", request);

        Assert.Equal("We discussed [REDACTED:RESTRICTED_DOCUMENT] today.", verdict.Text);
    }

    [Fact]
    public void A_span_outside_the_answer_is_clamped_not_dropped()
    {
        var request = new GuardrailRequest { RestrictedContent = new FixedProbe(new RestrictedContentMatch(new EvidenceSpan(5, 500), "doc")) };

        var finding = Assert.Single(s_engine.EvaluateOutput("short answer", request).Findings);

        Assert.Equal([new EvidenceSpan(5, 7)], finding.Evidence);
    }

    [Fact]
    public void Input_is_not_probed()
    {
        var probe = new PhraseProbe(("Project Heron", "board-minutes"));

        Assert.Equal(RailAction.Allow, s_engine.EvaluateInput("What is Project Heron?", new GuardrailRequest { RestrictedContent = probe }).Action);
        Assert.Equal(0, probe.Calls);
    }

    /// <summary>Stands in for the retrieval layer: reports every occurrence of known phrases of restricted documents.</summary>
    private sealed class PhraseProbe(params (string Phrase, string DocumentId)[] documents) : IRestrictedContentProbe
    {
        public int Calls { get; private set; }

        public IReadOnlyList<RestrictedContentMatch> Find(string answer)
        {
            Calls++;
            var matches = new List<RestrictedContentMatch>();
            foreach (var (phrase, id) in documents)
            {
                for (var at = answer.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = answer.IndexOf(phrase, at + 1, StringComparison.Ordinal))
                {
                    matches.Add(new RestrictedContentMatch(new EvidenceSpan(at, phrase.Length), id));
                }
            }

            return matches;
        }
    }

    private sealed class FixedProbe(RestrictedContentMatch match) : IRestrictedContentProbe
    {
        public IReadOnlyList<RestrictedContentMatch> Find(string answer) => [match];
    }
}
