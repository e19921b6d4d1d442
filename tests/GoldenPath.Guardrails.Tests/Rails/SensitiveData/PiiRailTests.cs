namespace GoldenPath.Guardrails.Tests;

public sealed class PiiRailTests
{
    private static readonly GuardrailEngine s_engine = new(GuardrailPolicy.Default, new GuardrailOptions());

    [Theory]
    [InlineData("Mail me at jane.doe+hr@example.co.uk today", "jane.doe+hr@example.co.uk", "email")]
    [InlineData("Call +44 20 7946 0958 after lunch", "+44 20 7946 0958", "phone")]
    [InlineData("Call (415) 555-0132 after lunch", "(415) 555-0132", "phone")]
    [InlineData("Call 415-555-0132 after lunch", "415-555-0132", "phone")]
    [InlineData("Card 4111 1111 1111 1111 expires soon", "4111 1111 1111 1111", "payment-card")]
    [InlineData("Card 5500-0000-0000-0004 expires soon", "5500-0000-0000-0004", "payment-card")]
    [InlineData("Pay to DE89 3704 0044 0532 0130 00 please", "DE89 3704 0044 0532 0130 00", "iban")]
    [InlineData("Pay to GB29NWBK60161331926819 please", "GB29NWBK60161331926819", "iban")]
    [InlineData("My SSN is 123-45-6789.", "123-45-6789", "ssn")]
    public void Detects_and_redacts(string text, string value, string category)
    {
        var verdict = s_engine.EvaluateInput(text);

        var finding = Assert.Single(verdict.Findings);
        Assert.Equal("pii", finding.Rail);
        Assert.Equal(category, finding.Category);
        Assert.Equal(RailAction.Redact, verdict.Action);
        var span = Assert.Single(finding.Evidence);
        Assert.Equal(value, text.Substring(span.Start, span.Length));
        Assert.Equal(text.Replace(value, $"[REDACTED:{category.ToUpperInvariant().Replace('-', '_')}]"), verdict.Text);
    }

    [Theory]
    [InlineData("Order number 4111 1111 1111 1112 shipped")] // fails Luhn
    [InlineData("Tracking 1234567812345678 is on its way")] // fails Luhn
    [InlineData("Reference DE89 3704 0044 0532 0130 01 is wrong")] // fails mod-97
    [InlineData("Version 10.0.401 shipped on 2026-11-29")]
    [InlineData("The server is at 192.168.10.20")]
    [InlineData("Serial 000-12-3456 is not an SSN")]
    [InlineData("Send it to me @ the office")]
    public void Ignores_numbers_that_only_look_sensitive(string text)
    {
        var verdict = s_engine.EvaluateInput(text);

        Assert.Equal(RailAction.Allow, verdict.Action);
        Assert.Equal(text, verdict.Text);
    }

    [Fact]
    public void Finds_pii_hidden_with_zero_width_characters_and_redacts_the_raw_span()
    {
        const string Text = "write to jane\u200B@example.com now";

        var verdict = s_engine.EvaluateInput(Text);

        Assert.Equal("write to [REDACTED:EMAIL] now", verdict.Text);
    }

    [Fact]
    public void Redacts_several_values_in_one_text()
    {
        var verdict = s_engine.EvaluateOutput("Reach a@example.com or b@example.org, card 4111111111111111.");

        Assert.Equal("Reach [REDACTED:EMAIL] or [REDACTED:EMAIL], card [REDACTED:PAYMENT_CARD].", verdict.Text);
        Assert.Equal(2, verdict.Findings.Count);
    }

    [Fact]
    public void Policy_chooses_the_action_per_stage()
    {
        var policy = GuardrailPolicy.Parse("""{ "version": "t", "rails": { "pii": { "input": "flag", "output": "block" } } }""", "pii.json");
        var engine = new GuardrailEngine(policy, new GuardrailOptions { RefusalMessage = "no" });

        var input = engine.EvaluateInput("mail a@example.com");
        var output = engine.EvaluateOutput("mail a@example.com");

        Assert.Equal(RailAction.Flag, input.Action);
        Assert.Equal("mail a@example.com", input.Text);
        Assert.Equal(RailAction.Block, output.Action);
        Assert.Equal("no", output.Text);
    }
}
