namespace GoldenPath.Guardrails.Tests;

public sealed class SecretsRailTests
{
    private static readonly GuardrailEngine s_engine = new(GuardrailPolicy.Default, new GuardrailOptions());

    [Theory]
    [InlineData("sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R")]
    [InlineData("xoxb-2048-1024-Zk9sQ8wX7vB6nM5")]
    [InlineData("AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U")]
    [InlineData("Zx8Qp2Lm9Vb4Nc7Ty1Rw6Hs3Jd5Kf0Ga")] // no known prefix, but random
    public void Blocks_secrets_in_input(string secret)
    {
        var verdict = s_engine.EvaluateInput($"my key is {secret} thanks");

        Assert.Equal(RailAction.Block, verdict.Action);
        var finding = Assert.Single(verdict.Findings, f => f.Rail == "secrets");
        Assert.Equal("secret", finding.Category);
        Assert.Equal(secret, $"my key is {secret} thanks".Substring(finding.Evidence[0].Start, finding.Evidence[0].Length));
    }

    [Fact]
    public void Redacts_secrets_in_output()
    {
        var verdict = s_engine.EvaluateOutput("Use AKIAIOSFODNN7EXAMPLE as the access key.");

        Assert.Equal(RailAction.Redact, verdict.Action);
        Assert.Equal("Use [REDACTED:SECRET] as the access key.", verdict.Text);
    }

    [Fact]
    public void Redacts_private_keys()
    {
        const string Key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";

        var verdict = s_engine.EvaluateOutput($"Here:\n{Key}\nDone.");

        Assert.Equal("Here:\n[REDACTED:SECRET]\nDone.", verdict.Text);
    }

    [Theory]
    [InlineData("Commit 3f786850e387550fdab836ed7e6dc881de23001b fixed it")] // hex hash
    [InlineData("Use the GoldenPathTemplatesIntegrationTests project")] // long identifier, no digits
    [InlineData("See my-very-long-kebab-case-identifier-v2 for details")]
    [InlineData("Id 550e8400-e29b-41d4-a716-446655440000")]
    public void Ignores_identifiers_that_are_not_secrets(string text)
    {
        Assert.Equal(RailAction.Allow, s_engine.EvaluateInput(text).Action);
    }
}
