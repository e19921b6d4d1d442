namespace GoldenPath.Guardrails.Tests;

public sealed class ContextOverflowRailTests
{
    private static readonly GuardrailEngine s_engine = new(GuardrailPolicy.Default, new GuardrailOptions { RefusalMessage = "Refused." });

    public static TheoryData<string, string> Fillers() => new()
    {
        { "repeated word", ContextOverflowSamples.RepeatedWord() },
        { "repeated line", ContextOverflowSamples.RepeatedLine() },
        { "repeated character", ContextOverflowSamples.RepeatedCharacter() },
        { "repeated sentence", ContextOverflowSamples.RepeatedSentence() },
        { "lorem ipsum", ContextOverflowSamples.Lorem() },
        { "base64 wall", ContextOverflowSamples.Base64Wall() },
    };

    public static TheoryData<string, string> GenuinePastes() => new()
    {
        { "document", ContextOverflowSamples.Document() },
        { "log", ContextOverflowSamples.Log() },
        { "code", ContextOverflowSamples.Code() },
    };

    [Theory]
    [MemberData(nameof(Fillers))]
    public void Blocks_an_instruction_after_filler(string kind, string filler)
    {
        var text = filler + "\n\n" + ContextOverflowSamples.Instruction;

        var verdict = s_engine.EvaluateInput(text);

        var finding = Assert.Single(verdict.Findings, f => f.Rail == "context-overflow");
        Assert.True(verdict.IsBlocked, kind);
        Assert.Equal("context-overflow", finding.Category);

        // The evidence is the tail, not the padding.
        var span = Assert.Single(finding.Evidence);
        Assert.Equal(ContextOverflowSamples.Instruction, text.Substring(span.Start, span.Length));
    }

    [Theory]
    [MemberData(nameof(GenuinePastes))]
    public void Allows_a_long_genuine_paste_followed_by_a_question(string kind, string paste)
    {
        Assert.True(paste.Length >= GuardrailPolicy.Default.ContextOverflow.MinFillerCharacters, kind);

        var verdict = s_engine.EvaluateInput(paste + "\n\nWhat does this do?");

        Assert.False(verdict.Findings.Any(f => f.Rail == "context-overflow"), kind);
    }

    [Theory]
    [MemberData(nameof(Fillers))]
    public void Allows_filler_without_a_differing_tail(string kind, string filler)
    {
        Assert.False(s_engine.EvaluateInput(filler).Findings.Any(f => f.Rail == "context-overflow"), kind);
    }

    [Fact]
    public void Allows_short_filler()
    {
        var text = ContextOverflowSamples.RepeatedWord()[..1_500] + ContextOverflowSamples.Instruction;

        Assert.DoesNotContain(s_engine.EvaluateInput(text).Findings, f => f.Rail == "context-overflow");
    }

    [Fact]
    public void Allows_a_long_tail_that_is_a_request_of_its_own()
    {
        // The tail must be short next to the padding; a full document after it is a real request.
        var text = ContextOverflowSamples.RepeatedWord() + "\n" + ContextOverflowSamples.Document();

        Assert.DoesNotContain(s_engine.EvaluateInput(text).Findings, f => f.Rail == "context-overflow");
    }

    [Fact]
    public void Finds_padding_that_follows_a_genuine_opening()
    {
        var text = "Please summarise the following notes for me.\n" + ContextOverflowSamples.RepeatedLine() + ContextOverflowSamples.Instruction;

        Assert.Contains(s_engine.EvaluateInput(text).Findings, f => f.Rail == "context-overflow");
    }

    [Fact]
    public void Redact_removes_only_the_hidden_instruction()
    {
        var policy = GuardrailPolicy.Parse("""{ "version": "t", "rails": { "contextOverflow": { "action": "redact" }, "promptInjection": { "enabled": false } } }""", "o.json");
        var filler = ContextOverflowSamples.RepeatedWord();

        var verdict = new GuardrailEngine(policy, new GuardrailOptions()).EvaluateInput(filler + ContextOverflowSamples.Instruction);

        Assert.Equal(RailAction.Redact, verdict.Action);
        Assert.Equal(filler + "[REDACTED:CONTEXT_OVERFLOW]", verdict.Text);
    }

    [Fact]
    public void Raising_the_minimum_filler_lets_shorter_padding_through()
    {
        var policy = GuardrailPolicy.Parse("""{ "version": "t", "rails": { "contextOverflow": { "minFillerCharacters": 10000 } } }""", "o.json");
        var text = ContextOverflowSamples.RepeatedWord() + ContextOverflowSamples.Instruction;

        Assert.DoesNotContain(new GuardrailEngine(policy, new GuardrailOptions()).EvaluateInput(text).Findings, f => f.Rail == "context-overflow");
    }

    [Fact]
    public void Does_not_check_answers()
    {
        var text = ContextOverflowSamples.RepeatedWord() + ContextOverflowSamples.Instruction;

        Assert.DoesNotContain(s_engine.EvaluateOutput(text).Findings, f => f.Rail == "context-overflow");
    }
}
