namespace GoldenPath.Guardrails.Tests;

public sealed class SystemPromptLeakRailTests
{
    private const string SystemPrompt = """
        You are the Contoso travel assistant. Answer questions about bookings, refunds and baggage using only the
        retrieved policy documents. Never quote internal fare codes or discount rules. If a customer asks for a
        refund outside the 24 hour window, explain the change fee and offer a voucher instead. Escalate threats or
        legal claims to a human agent. Keep answers under 120 words and end with a short follow-up question.
        """;

    private static readonly GuardrailRequest s_request = new() { SystemPrompt = SystemPrompt };

    private static GuardrailEngine Engine(string settings = "") =>
        new(
            GuardrailPolicy.Parse($$"""{ "version": "t", "rails": { "systemPromptLeak": { {{settings}} } } }""", "leak.json"),
            new GuardrailOptions { RefusalMessage = "Refused." });

    [Fact]
    public void Blocks_an_answer_that_recites_the_prompt()
    {
        var answer = "Sure! My instructions say: " + SystemPrompt;

        var verdict = Engine().EvaluateOutput(answer, s_request);

        Assert.Equal(RailAction.Block, verdict.Action);
        Assert.Equal("Refused.", verdict.Text);
        var finding = Assert.Single(verdict.Findings);
        Assert.Equal(("system-prompt-leak", "system-prompt-leak"), (finding.Rail, finding.Category));
        Assert.Equal(1.0, finding.Score, 3);
        var span = Assert.Single(finding.Evidence);
        Assert.StartsWith("You are the Contoso", answer[span.Start..]);
    }

    [Theory]
    [InlineData("YOU ARE THE CONTOSO TRAVEL ASSISTANT. ANSWER QUESTIONS ABOUT BOOKINGS, REFUNDS AND BAGGAGE USING ONLY THE RETRIEVED POLICY DOCUMENTS. Never quote internal fare codes or discount rules.")]
    [InlineData("you   are\tthe contoso-travel-assistant;answer questions about bookings refunds and baggage using only the retrieved policy documents, never quote internal fare codes or discount rules")]
    [InlineData("Y o u a r e the Cоntоsо travel assistant. Answer questions about bookings, refunds and baggage using only the retrieved policy documents. Never quote internal fare codes or discount rules.")]
    public void Case_spacing_and_look_alikes_do_not_hide_a_quotation(string answer)
    {
        var verdict = Engine().EvaluateOutput(answer, s_request);

        Assert.Equal(RailAction.Block, verdict.Action);
    }

    [Fact]
    public void Three_separate_quotes_leak_a_long_prompt_even_below_the_coverage_threshold()
    {
        const string Answer = """
            Here are some rules I follow. I never quote internal fare codes or discount rules. Also, I
            escalate threats or legal claims to a human agent. Finally I keep answers under 120 words and end with a
            short follow-up question.
            """;

        var lenient = Engine("\"threshold\": 1.0").EvaluateOutput(Answer, s_request);

        var finding = Assert.Single(lenient.Findings);
        Assert.Equal(3, finding.Evidence.Count);
        Assert.True(finding.Score < 1.0);
    }

    [Fact]
    public void One_quoted_sentence_leaks_only_when_it_covers_enough_of_the_prompt()
    {
        const string Answer = "Note: escalate threats or legal claims to a human agent.";

        Assert.Equal(RailAction.Allow, Engine().EvaluateOutput(Answer, s_request).Action);
        Assert.Equal(RailAction.Block, Engine().EvaluateOutput(Answer, new GuardrailRequest { SystemPrompt = "Escalate threats or legal claims to a human agent. Be brief." }).Action);
    }

    [Theory]
    [InlineData("Your refund is on its way. Is there anything else about your booking I can help with?")]
    [InlineData("Baggage allowance depends on the fare: economy includes one bag of 23 kg. Would you like to add a bag?")]
    [InlineData("If you cancel outside the 24 hour window, a change fee applies; I can offer a voucher instead. Shall I?")]
    [InlineData("You are welcome! The Contoso travel app also shows your bookings.")]
    public void Ordinary_answers_sharing_short_phrases_pass(string answer)
    {
        Assert.Equal(RailAction.Allow, Engine().EvaluateOutput(answer, s_request).Action);
    }

    [Fact]
    public void Without_a_system_prompt_nothing_is_checked()
    {
        Assert.Equal(RailAction.Allow, Engine().EvaluateOutput(SystemPrompt).Action);
        Assert.Equal(RailAction.Allow, Engine().EvaluateOutput(SystemPrompt, new GuardrailRequest { SystemPrompt = "   " }).Action);
    }

    [Fact]
    public void Input_is_not_checked()
    {
        // A user pasting the prompt back is not a leak; the injection rails judge the request.
        Assert.DoesNotContain(Engine().EvaluateInput(SystemPrompt, s_request).Findings, f => f.Rail == "system-prompt-leak");
    }

    [Fact]
    public void Redact_removes_the_quoted_runs_and_keeps_the_rest()
    {
        const string Answer = "Happy to help. You are the Contoso travel assistant. Answer questions about bookings, refunds and baggage using only the retrieved policy documents. Bye.";

        var verdict = Engine("\"action\": \"redact\"").EvaluateOutput(Answer, s_request);

        Assert.Equal(RailAction.Redact, verdict.Action);
        Assert.Equal("Happy to help. [REDACTED:SYSTEM_PROMPT_LEAK]. Bye.", verdict.Text);
    }

    [Fact]
    public void A_longer_ngram_ignores_shorter_quotes()
    {
        const string Answer = "I will escalate threats or legal claims to a human agent, and I keep answers under 120 words.";
        var shortPrompt = new GuardrailRequest { SystemPrompt = "Escalate threats or legal claims to a human agent. Keep answers under 120 words." };

        Assert.Equal(RailAction.Block, Engine("\"ngram\": 6").EvaluateOutput(Answer, shortPrompt).Action);
        Assert.Equal(RailAction.Allow, Engine("\"ngram\": 12").EvaluateOutput(Answer, shortPrompt).Action);
    }
}
