namespace GoldenPath.Guardrails.Tests;

public sealed class GroundingRailTests
{
    private static readonly GuardrailEngine s_engine = new(GuardrailPolicy.Default, new GuardrailOptions());

    private static readonly GuardrailRequest s_request = new()
    {
        Context =
        [
            "Refunds are issued to the original payment method within 14 days of the cancellation.",
            "Checked baggage is limited to 23 kg per bag in economy. Business class passengers may check two bags.",
            "The Contoso lounge in Terminal 2 opens at 5:30 and closes at 22:00. The fee is 39.50 euros.",
        ],
    };

    private static string[] Flagged(string answer, GuardrailRequest? request = null, GuardrailEngine? engine = null)
    {
        var verdict = (engine ?? s_engine).EvaluateOutput(answer, request ?? s_request);
        var finding = verdict.Findings.SingleOrDefault(f => f.Rail == "grounding");
        return finding is null ? [] : [.. finding.Evidence.Select(e => answer.Substring(e.Start, e.Length))];
    }

    [Fact]
    public void Flags_the_sentence_the_context_does_not_support()
    {
        const string Answer = "Refunds go back to the original payment method within 14 days. Contoso also plants a tree for every refunded flight.";

        var verdict = s_engine.EvaluateOutput(Answer, s_request);

        Assert.Equal(RailAction.Flag, verdict.Action);
        Assert.Equal(Answer, verdict.Text);
        var finding = Assert.Single(verdict.Findings);
        Assert.Equal(("grounding", "ungrounded"), (finding.Rail, finding.Category));
        Assert.Equal(["Contoso also plants a tree for every refunded flight."], finding.Evidence.Select(e => Answer.Substring(e.Start, e.Length)));
        Assert.InRange(finding.Score, 0.1, 0.9);
    }

    [Fact]
    public void Sentences_in_a_streams_seam_are_not_judged_again()
    {
        // The first sentence was released with the previous segment; only the new one is judged, and its score
        // counts only its own words.
        const string Seam = "Contoso also plants a tree for every refunded flight. ";
        const string Segment = "Refunds go back to the original payment method within 14 days.";
        var (_, findings, _) = s_engine.EvaluateOutputSegment(Seam + Segment, s_request, Seam.Length);
        var (_, unseamed, _) = s_engine.EvaluateOutputSegment(Seam + Segment, s_request);

        Assert.DoesNotContain(findings, f => f.Rail == "grounding");
        Assert.Contains(unseamed, f => f.Rail == "grounding");
    }

    [Fact]
    public void Supported_answers_pass_despite_inflections_and_case()
    {
        const string Answer = "Economy passengers can check bags of up to 23 kg each. REFUNDS are issued within 14 days to the original payment method.";

        Assert.Empty(Flagged(Answer));
    }

    [Fact]
    public void Decimals_and_times_do_not_split_sentences()
    {
        const string Answer = "The lounge fee is 39.50 euros and it opens at 5:30. It has a rooftop pool and a cinema.";

        Assert.Equal(["It has a rooftop pool and a cinema."], Flagged(Answer));
    }

    [Fact]
    public void Abbreviations_and_initials_do_not_split_sentences()
    {
        const string Answer = "Dr. J. Smith founded the airline in 1952, e.g. with three planes. Refunds are issued within 14 days.";

        Assert.Equal(["Dr. J. Smith founded the airline in 1952, e.g. with three planes."], Flagged(Answer));
    }

    [Fact]
    public void List_items_are_judged_one_by_one()
    {
        const string Answer = """
            Here is what applies:
            1. Checked baggage is limited to 23 kg per bag.
            2. Pets travel free of charge on all routes.
            - Business class passengers may check two bags.
            """;

        Assert.Equal(["2. Pets travel free of charge on all routes."], Flagged(Answer));
    }

    [Fact]
    public void Cjk_full_stops_end_sentences()
    {
        var request = new GuardrailRequest { Context = ["退款 14 天 内 退回 原 支付 方式"] };
        const string Answer = "退款 14 天 内 退回。 宠物 免费 乘坐 所有 航线。";

        Assert.Equal(["宠物 免费 乘坐 所有 航线。"], Flagged(Answer, request));
    }

    [Fact]
    public void Refusals_greetings_and_citations_are_ignored()
    {
        const string Answer = """
            Hello! Thanks for your question.
            Refunds are issued within 14 days [1].
            I'm sorry, I don't have information about pet policies or seat upgrades.
            Let me know if there is anything else I can help with!
            """;

        Assert.Empty(Flagged(Answer));
    }

    [Fact]
    public void Citation_markers_do_not_count_against_support()
    {
        // Without skipping "[1]", "[2]" and "[3]", the digits would be unsupported words.
        const string Answer = "Refunds issued [1][2][3].";

        Assert.Empty(Flagged(Answer));
    }

    [Fact]
    public void Without_context_nothing_is_checked()
    {
        const string Answer = "Contoso plants a tree for every refunded flight.";

        Assert.Empty(Flagged(Answer, GuardrailRequest.Empty));
        Assert.NotEmpty(Flagged(Answer));
    }

    [Fact]
    public void Min_support_sets_how_much_of_a_sentence_must_be_found()
    {
        // Four content words, two of them in the context: half supported.
        const string Answer = "Refunds reach travellers quickly 14 days.";
        var strict = new GuardrailEngine(
            GuardrailPolicy.Parse("""{ "version": "t", "rails": { "grounding": { "minSupport": 0.8 } } }""", "g.json"),
            new GuardrailOptions());
        var lenient = new GuardrailEngine(
            GuardrailPolicy.Parse("""{ "version": "t", "rails": { "grounding": { "minSupport": 0.3 } } }""", "g.json"),
            new GuardrailOptions());

        Assert.NotEmpty(Flagged(Answer, engine: strict));
        Assert.Empty(Flagged(Answer, engine: lenient));
    }

    [Fact]
    public void Block_action_refuses_an_ungrounded_answer()
    {
        var engine = new GuardrailEngine(
            GuardrailPolicy.Parse("""{ "version": "t", "rails": { "grounding": { "action": "block" } } }""", "g.json"),
            new GuardrailOptions { RefusalMessage = "Not in the sources." });

        var verdict = engine.EvaluateOutput("Pets travel free of charge on all routes.", s_request);

        Assert.Equal("Not in the sources.", verdict.Text);
    }

    [Fact]
    public void Redact_action_removes_the_ungrounded_sentence()
    {
        var engine = new GuardrailEngine(
            GuardrailPolicy.Parse("""{ "version": "t", "rails": { "grounding": { "action": "redact" } } }""", "g.json"),
            new GuardrailOptions());

        var verdict = engine.EvaluateOutput("Refunds are issued within 14 days. Pets travel free of charge on all routes.", s_request);

        Assert.Equal("Refunds are issued within 14 days. [REDACTED:UNGROUNDED]", verdict.Text);
    }

    [Fact]
    public void Input_is_not_checked()
    {
        Assert.DoesNotContain(s_engine.EvaluateInput("Do pets travel free on all routes?", s_request).Findings, f => f.Rail == "grounding");
    }
}
