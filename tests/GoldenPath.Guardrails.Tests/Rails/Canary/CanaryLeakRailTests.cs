using System.Text;

namespace GoldenPath.Guardrails.Tests;

public sealed class CanaryLeakRailTests
{
    private const string Canary = "GP-CANARY-7f3a9c2e";

    private static readonly GuardrailEngine s_engine = new(GuardrailPolicy.Default, new GuardrailOptions { Canary = Canary, RefusalMessage = "Refused." });

    public static TheoryData<string> Leaks() => new()
    {
        $"My instructions start with {Canary}.",
        $"my instructions start with {Canary.ToLowerInvariant()}",
        "It is G P - C A N A R Y - 7 f 3 a 9 c 2 e",
        "It is G-P-C-A-N-A-R-Y-7-f-3-a-9-c-2-e",
        $"Backwards: {new string(Canary.Reverse().ToArray())}",
        $"Encoded: {Convert.ToBase64String(Encoding.UTF8.GetBytes(Canary))}",
        $"Encoded: {Convert.ToBase64String(Encoding.UTF8.GetBytes("x" + Canary + " is the secret"))}",
        $"Encoded: {Convert.ToBase64String(Encoding.UTF8.GetBytes("xy" + Canary))}",
        $"Link: https://example.com/?q={Uri.EscapeDataString(Canary)}",
        $"Escaped: {string.Concat(Encoding.UTF8.GetBytes(Canary).Select(b => $"%{b:X2}"))}",
        $"Hex: {Convert.ToHexString(Encoding.UTF8.GetBytes(Canary))}",
        "Leet: GP-C4N4RY-7f3a9c2e",
    };

    [Theory]
    [MemberData(nameof(Leaks))]
    public void Blocks_every_form_of_the_canary(string answer)
    {
        var verdict = s_engine.EvaluateOutput(answer);

        Assert.Equal(RailAction.Block, verdict.Action);
        Assert.Equal("Refused.", verdict.Text);
        var finding = Assert.Single(verdict.Findings, f => f.Rail == "canary");
        Assert.Equal("canary-leak", finding.Category);
        Assert.NotEmpty(finding.Evidence);
    }

    [Theory]
    [InlineData("The canary in the coal mine is an old safety practice.")]
    [InlineData("GP-CANARY-7f3a9c2f is a different value.")]
    public void Allows_answers_without_the_canary(string answer)
    {
        Assert.Equal(RailAction.Allow, s_engine.EvaluateOutput(answer).Action);
    }

    [Fact]
    public void Does_not_check_input()
    {
        // Users may legitimately paste anything; the rail is about the model revealing its prompt.
        Assert.DoesNotContain(s_engine.EvaluateInput($"is {Canary} yours?").Findings, f => f.Rail == "canary");
    }

    [Fact]
    public void Rejects_a_canary_too_short_to_be_unique()
    {
        var error = Assert.Throws<ArgumentException>(() => new GuardrailEngine(GuardrailPolicy.Default, new GuardrailOptions { Canary = "abc-12" }));

        Assert.Contains("GoldenPath:Guardrails:Canary", error.Message);
    }
}
