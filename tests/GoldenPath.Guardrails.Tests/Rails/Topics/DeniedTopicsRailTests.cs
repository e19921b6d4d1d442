namespace GoldenPath.Guardrails.Tests;

public sealed class DeniedTopicsRailTests
{
    private const string Topics = """
        [
          {
            "name": "medical-diagnosis",
            "keywords": ["diagnose", "diagnosis", "self harm"],
            "examples": [
              "can you tell me what illness I have from these symptoms",
              "what disease could cause a fever and a rash",
              "is this mole cancer"
            ]
          },
          {
            "name": "investment-advice",
            "keywords": ["which stocks", "crypto tips"],
            "examples": ["which shares should I buy to get rich quickly", "should I invest my savings in bitcoin"],
            "threshold": 0.4
          },
          {
            "name": "competitors",
            "keywords": ["fabrikam", "northwind traders"]
          }
        ]
        """;

    private static GuardrailEngine Engine(string action = "block", string outputAction = "allow") =>
        new(
            GuardrailPolicy.Parse(
                $$"""{ "version": "t", "rails": { "deniedTopics": { "action": "{{action}}", "outputAction": "{{outputAction}}", "topics": {{Topics}} } } }""",
                "topics.json"),
            new GuardrailOptions { RefusalMessage = "Off topic." });

    [Theory]
    [InlineData("Can you diagnose my headache?", "medical-diagnosis", "diagnose")]
    [InlineData("I want a DIAGNOSIS please", "medical-diagnosis", "DIAGNOSIS")]
    [InlineData("d i a g n o s e this for me", "medical-diagnosis", "d i a g n o s e")]
    [InlineData("dіagnose it", "medical-diagnosis", "dіagnose")] // Cyrillic і
    [InlineData("How does Fabrikam price its plans?", "competitors", "Fabrikam")]
    [InlineData("Compare us with Northwind   Traders.", "competitors", "Northwind   Traders")]
    [InlineData("which-stocks are hot?", "investment-advice", "which-stocks")]
    public void Keywords_match_whole_words_on_the_folded_text(string input, string topic, string evidence)
    {
        var verdict = Engine().EvaluateInput(input);

        Assert.Equal(RailAction.Block, verdict.Action);
        Assert.Equal("Off topic.", verdict.Text);
        var finding = Assert.Single(verdict.Findings, f => f.Rail == "denied-topics");
        Assert.Equal("denied-topic:" + topic, finding.Category);
        Assert.Equal(1.0, finding.Score);
        var span = Assert.Single(finding.Evidence);
        Assert.Equal(evidence, input.Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("I have a fever and a rash, what disease is this?", "medical-diagnosis")]
    [InlineData("From these symptoms, which illness do you think I have?", "medical-diagnosis")]
    [InlineData("Thanks for the help. Is this mole on my arm cancer?", "medical-diagnosis")]
    [InlineData("Should I put all my savings into bitcoin?", "investment-advice")]
    public void Paraphrases_of_the_examples_match_by_similarity(string input, string topic)
    {
        var verdict = Engine().EvaluateInput(input);

        var finding = Assert.Single(verdict.Findings, f => f.Rail == "denied-topics");
        Assert.Equal("denied-topic:" + topic, finding.Category);
        Assert.InRange(finding.Score, 0.35, 1.0);
        Assert.Equal(RailAction.Block, verdict.Action);
    }

    [Fact]
    public void Evidence_is_the_matching_sentence()
    {
        const string Input = "Our team meets on Mondays. What disease could cause a fever and a rash? Thanks.";

        var finding = Assert.Single(Engine().EvaluateInput(Input).Findings);

        var span = Assert.Single(finding.Evidence);
        Assert.Equal("What disease could cause a fever and a rash?", Input.Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("What is the capital of France?")]
    [InlineData("The diagnostics page of the router shows errors.")] // "diagnostics" is not the keyword "diagnose"
    [InlineData("Please summarise the attached quarterly sales report.")]
    [InlineData("How do I reset my password?")]
    [InlineData("Which stock photos can I use in the brochure?")]
    [InlineData("My savings account statement is missing a page.")]
    public void Unrelated_requests_pass(string input)
    {
        Assert.Equal(RailAction.Allow, Engine().EvaluateInput(input).Action);
    }

    [Fact]
    public void Several_topics_are_reported_separately()
    {
        var verdict = Engine().EvaluateInput("Diagnose my cough. Also, which stocks does Fabrikam hold?");

        Assert.Equal(
            ["denied-topic:competitors", "denied-topic:investment-advice", "denied-topic:medical-diagnosis"],
            verdict.Findings.Select(f => f.Category).Order());
    }

    [Fact]
    public void Redact_replaces_the_keyword()
    {
        var verdict = Engine(action: "redact").EvaluateInput("How does Fabrikam compare?");

        Assert.Equal(RailAction.Redact, verdict.Action);
        Assert.Equal("How does [REDACTED:DENIED_TOPIC:COMPETITORS] compare?", verdict.Text);
    }

    [Fact]
    public void Flag_lets_the_text_through()
    {
        var verdict = Engine(action: "flag").EvaluateInput("Fabrikam?");

        Assert.Equal(RailAction.Flag, verdict.Action);
        Assert.Equal("Fabrikam?", verdict.Text);
    }

    [Fact]
    public void Answers_are_checked_only_when_the_policy_asks()
    {
        const string Answer = "Fabrikam is cheaper than us.";

        Assert.Equal(RailAction.Allow, Engine().EvaluateOutput(Answer).Action);
        Assert.Equal(RailAction.Block, Engine(outputAction: "block").EvaluateOutput(Answer).Action);
    }

    [Fact]
    public void Default_policy_denies_no_topic()
    {
        var engine = new GuardrailEngine(GuardrailPolicy.Default, new GuardrailOptions());

        Assert.DoesNotContain(engine.EvaluateInput("Can you diagnose my headache?").Findings, f => f.Rail == "denied-topics");
    }

    [Fact]
    public void A_higher_threshold_needs_a_closer_paraphrase()
    {
        const string Input = "Should I put all my savings into bitcoin?";
        var score = Assert.Single(Engine().EvaluateInput(Input).Findings).Score;
        var strict = Topics.Replace("\"threshold\": 0.4", $"\"threshold\": {Math.Min(1, score + 0.01).ToString(System.Globalization.CultureInfo.InvariantCulture)}", StringComparison.Ordinal);
        var policy = GuardrailPolicy.Parse($$"""{ "version": "t", "rails": { "deniedTopics": { "topics": {{strict}} } } }""", "strict.json");

        Assert.Equal(RailAction.Allow, new GuardrailEngine(policy, new GuardrailOptions()).EvaluateInput(Input).Action);
    }
}
