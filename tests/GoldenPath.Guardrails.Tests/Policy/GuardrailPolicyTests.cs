namespace GoldenPath.Guardrails.Tests;

public sealed class GuardrailPolicyTests
{
    private static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "Policy", "TestData", name);

    [Fact]
    public void Default_policy_is_embedded_and_versioned()
    {
        var policy = GuardrailPolicy.Default;

        Assert.Matches(@"^\d{4}\.\d{2}\.\d{2}\.\d+$", policy.Version);
        Assert.True(policy.PromptInjection.Enabled);
        Assert.Equal(RailAction.Redact, policy.Pii.InputAction);
        Assert.Equal(RailAction.Block, policy.Secrets.InputAction);
        Assert.Equal(RailAction.Redact, policy.Secrets.OutputAction);
        Assert.Equal(RailAction.Block, policy.Canary.Action);
        Assert.Equal(RailAction.Redact, policy.Exfiltration.Action);
    }

    [Fact]
    public void Loads_a_file_with_comments_and_trailing_commas()
    {
        var policy = GuardrailPolicy.Load(TestFile("strict.policy.json"));

        Assert.Equal("2026.12.01.2", policy.Version);
        Assert.Equal(RailAction.Block, policy.Secrets.OutputAction);
        Assert.False(policy.Exfiltration.Enabled);
        Assert.True(policy.Pii.Enabled); // rails the file does not mention keep their defaults
    }

    [Fact]
    public void Broken_json_on_disk_reports_file_and_line()
    {
        var path = TestFile("broken.policy.json");

        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Load(path));

        Assert.Equal(path, error.Source);
        Assert.Equal(5, error.Line); // the missing comma is noticed at the next property
        Assert.StartsWith($"{path}(5): ", error.Message);
        Assert.Contains("Fix:", error.Message);
    }

    [Fact]
    public void Unknown_action_reports_line_and_choices()
    {
        const string Json = """
            {
              "version": "1",
              "rails": {
                "pii": {
                  "input": "deny"
                }
              }
            }
            """;

        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Parse(Json, "custom.policy.json"));

        Assert.Equal("custom.policy.json", error.Source);
        Assert.Equal(5, error.Line);
        Assert.Contains("\"deny\"", error.Message);
        Assert.Contains("\"allow\", \"flag\", \"redact\", \"block\"", error.Message);
    }

    [Fact]
    public void Unknown_key_reports_line_and_suggests_the_known_one()
    {
        const string Json = """
            {
              "version": "1",
              "rails": {
                "promptInjection": {
                  "enabled": true,
                  "treshold": 0.8
                }
              }
            }
            """;

        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Parse(Json, "p.json"));

        Assert.Equal(6, error.Line);
        Assert.Contains("\"treshold\"", error.Message);
        Assert.Contains("Did you mean \"threshold\"?", error.Message);
    }

    [Fact]
    public void Unknown_rail_is_reported()
    {
        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Parse("{\n\"version\": \"1\",\n\"rails\": { \"toxicity\": {} } }", "p.json"));

        Assert.Equal(3, error.Line);
        Assert.Contains("\"toxicity\"", error.Message);
    }

    [Theory]
    [InlineData("{ \"rails\": {} }", 1, "no \"version\"")]
    [InlineData("{\n \"version\": 3 }", 2, "must be a string")]
    [InlineData("{ \"version\": \"1\",\n \"rails\": { \"canary\": { \"enabled\": \"yes\" } } }", 2, "must be true or false")]
    [InlineData("{ \"version\": \"1\",\n \"rails\": { \"promptInjection\": { \"threshold\": 1.5 } } }", 2, "outside the range")]
    [InlineData("{ \"version\": \"1\",\n \"rails\": { \"promptInjection\": { \"threshold\": 0.5,\n \"flagThreshold\": 0.6 } } }", 3, "above \"threshold\"")]
    [InlineData("{ \"version\": \"1\",\n \"rails\": { \"inputLength\": { \"action\": \"redact\" } } }", 2, "unknown action")]
    [InlineData("{ \"version\": \"1\",\n \"rails\": { \"inputLength\": { \"maxCharacters\": 0 } } }", 2, "below the minimum")]
    [InlineData("{ \"version\": \"1\",\n \"rails\": [] }", 2, "must be a JSON object")]
    [InlineData("{ \"version\": \"1\",\n \"version\": \"2\" }", 2, "appears twice")]
    [InlineData("", 1, "empty")]
    public void Semantic_errors_name_the_line(string json, long line, string problem)
    {
        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Parse(json, "p.json"));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message);
        Assert.Contains("Fix:", error.Message);
    }

    [Fact]
    public void Missing_file_is_a_policy_error_not_an_io_crash()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "missing.policy.json");

        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Load(path));

        Assert.Null(error.Line);
        Assert.Contains("PolicyPath", error.Message);
    }

    [Fact]
    public void Engine_uses_the_policy_file_from_options()
    {
        var engine = GuardrailEngine.Create(new GuardrailOptions { PolicyPath = TestFile("strict.policy.json") });

        Assert.Equal("2026.12.01.2", engine.Policy.Version);
        Assert.Equal(RailAction.Block, engine.EvaluateOutput("key AKIAIOSFODNN7EXAMPLE").Action);
    }
}
