using Microsoft.ML.Tokenizers;

namespace GoldenPath.Guardrails.Tests;

public sealed class TokenLimitRailTests
{
    private static readonly Tokenizer s_o200k = TiktokenTokenizer.CreateForEncoding("o200k_base");
    private static readonly Tokenizer s_cl100k = TiktokenTokenizer.CreateForEncoding("cl100k_base");

    private static GuardrailEngine Engine(int maxTokens, string action = "block", string encoding = "o200k_base") =>
        new(
            GuardrailPolicy.Parse(
                $$"""{ "version": "t", "rails": { "tokenLimit": { "maxTokens": {{maxTokens}}, "action": "{{action}}", "encoding": "{{encoding}}" } } }""",
                "tokens.json"),
            new GuardrailOptions { RefusalMessage = "Too long." });

    [Fact]
    public void Allows_exactly_the_limit_and_blocks_one_token_more()
    {
        var text = string.Concat(Enumerable.Repeat("the weather is mild today ", 20)).TrimEnd();
        var tokens = s_o200k.CountTokens(text);

        Assert.Equal(RailAction.Allow, Engine(tokens).EvaluateInput(text).Action);

        var verdict = Engine(tokens - 1).EvaluateInput(text);
        Assert.Equal(RailAction.Block, verdict.Action);
        Assert.Equal("Too long.", verdict.Text);
        var finding = Assert.Single(verdict.Findings);
        Assert.Equal(("token-limit", "too-many-tokens"), (finding.Rail, finding.Category));

        // The evidence is what lies beyond the last token that fits.
        var span = Assert.Single(finding.Evidence);
        Assert.Equal(text.Length, span.End);
        Assert.Equal(tokens - 1, s_o200k.CountTokens(text[..span.Start]));
    }

    [Fact]
    public void Counts_with_the_configured_encoding()
    {
        const string Text = "Die Grundsteuerreform verändert die Berechnungsgrundlagen für Eigentümerinnen und Eigentümer erheblich.";
        var o200k = s_o200k.CountTokens(Text);
        var cl100k = s_cl100k.CountTokens(Text);
        Assert.True(cl100k > o200k, "the sample must tokenize differently in the two encodings");

        Assert.Equal(RailAction.Allow, Engine(o200k, encoding: "o200k_base").EvaluateInput(Text).Action);
        Assert.Equal(RailAction.Block, Engine(o200k, encoding: "cl100k_base").EvaluateInput(Text).Action);
    }

    [Fact]
    public void Flag_lets_the_text_through_with_a_finding()
    {
        var text = string.Concat(Enumerable.Repeat("count me in ", 50));

        var verdict = Engine(10, action: "flag").EvaluateInput(text);

        Assert.Equal(RailAction.Flag, verdict.Action);
        Assert.Equal(text, verdict.Text);
        Assert.Equal("too-many-tokens", Assert.Single(verdict.Findings).Category);
    }

    [Fact]
    public void Non_ascii_text_is_counted_not_estimated_by_bytes()
    {
        // Three bytes per character but often one token per character or less: the byte shortcut must not block.
        var text = string.Concat(Enumerable.Repeat("日本語の文章です。", 10));
        var tokens = s_o200k.CountTokens(text);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(text) > tokens);

        Assert.Equal(RailAction.Allow, Engine(tokens).EvaluateInput(text).Action);
        Assert.Equal(RailAction.Block, Engine(tokens - 1).EvaluateInput(text).Action);
    }

    [Fact]
    public void Huge_input_is_refused_by_the_character_cap_before_tokens_are_counted()
    {
        var text = new string('x', 100_000);

        var verdict = new GuardrailEngine(GuardrailPolicy.Default, new GuardrailOptions()).EvaluateInput(text);

        Assert.Equal("input-too-long", Assert.Single(verdict.Findings).Category);
    }

    [Fact]
    public void Huge_input_past_a_raised_character_cap_is_blocked_by_tokens()
    {
        var policy = GuardrailPolicy.Parse(
            """{ "version": "t", "rails": { "inputLength": { "maxCharacters": 2000000 }, "contextOverflow": { "enabled": false } } }""",
            "big.json");
        var text = string.Concat(Enumerable.Repeat("Quarterly revenue rose in every region we serve. ", 20_000));

        var verdict = new GuardrailEngine(policy, new GuardrailOptions()).EvaluateInput(text);

        var finding = Assert.Single(verdict.Findings, f => f.Rail == "token-limit");
        Assert.Equal(RailAction.Block, verdict.Action);
        Assert.Equal(8000, s_o200k.CountTokens(text[..finding.Evidence[0].Start]));
    }

    [Fact]
    public void Does_not_check_answers()
    {
        var text = string.Concat(Enumerable.Repeat("long answer ", 100));

        Assert.DoesNotContain(Engine(5).EvaluateOutput(text).Findings, f => f.Rail == "token-limit");
    }
}
