namespace GoldenPath.Guardrails.Tests;

public sealed class ContentRailPolicyTests
{
    [Fact]
    public void Default_policy_enables_the_content_rails_with_safe_defaults()
    {
        var policy = GuardrailPolicy.Default;

        Assert.True(policy.TokenLimit.Enabled);
        Assert.Equal(RailAction.Block, policy.TokenLimit.Action);
        Assert.Equal("o200k_base", policy.TokenLimit.Encoding);
        Assert.Equal(RailAction.Block, policy.ContextOverflow.Action);
        Assert.Empty(policy.DeniedTopics.Topics);
        Assert.Equal(RailAction.Allow, policy.DeniedTopics.OutputAction);
        Assert.Equal(RailAction.Block, policy.SystemPromptLeak.Action);
        Assert.Equal(RailAction.Flag, policy.Grounding.Action);
        Assert.Equal(RailAction.Block, policy.RestrictedContent.Action);

        // The embedded file states what the record defaults say, so a file copied from it behaves the same.
        Assert.Equal(new TokenLimitRailSettings(), policy.TokenLimit);
        Assert.Equal(new ContextOverflowRailSettings(), policy.ContextOverflow);
        Assert.Equal(new SystemPromptLeakRailSettings(), policy.SystemPromptLeak);
        Assert.Equal(new GroundingRailSettings(), policy.Grounding);
        Assert.Equal(new RestrictedContentRailSettings(), policy.RestrictedContent);
    }

    [Fact]
    public void Reads_every_content_setting()
    {
        const string Json = """
            {
              "version": "c1",
              "rails": {
                "tokenLimit": { "enabled": true, "action": "flag", "maxTokens": 123, "encoding": "CL100K_BASE" },
                "contextOverflow": { "action": "redact", "minFillerCharacters": 4000 },
                "deniedTopics": {
                  "action": "redact",
                  "outputAction": "block",
                  "topics": [
                    { "name": "medical-diagnosis", "keywords": ["diagnose", "self harm"], "examples": ["what illness do I have"], "threshold": 0.4 },
                    { "name": "legal", "keywords": ["lawsuit"] },
                  ],
                },
                "systemPromptLeak": { "ngram": 8, "threshold": 0.3, "action": "redact" },
                "grounding": { "minSupport": 0.7, "action": "block" },
                "restrictedContent": { "enabled": false },
              }
            }
            """;

        var policy = GuardrailPolicy.Parse(Json, "content.json");

        Assert.Equal(new TokenLimitRailSettings { Action = RailAction.Flag, MaxTokens = 123, Encoding = "cl100k_base" }, policy.TokenLimit);
        Assert.Equal(RailAction.Redact, policy.ContextOverflow.Action);
        Assert.Equal(4000, policy.ContextOverflow.MinFillerCharacters);
        Assert.Equal(RailAction.Redact, policy.DeniedTopics.Action);
        Assert.Equal(RailAction.Block, policy.DeniedTopics.OutputAction);
        Assert.Equal(2, policy.DeniedTopics.Topics.Count);
        var medical = policy.DeniedTopics.Topics[0];
        Assert.Equal("medical-diagnosis", medical.Name);
        Assert.Equal(["diagnose", "self harm"], medical.Keywords);
        Assert.Equal(["what illness do I have"], medical.Examples);
        Assert.Equal(0.4, medical.Threshold);
        var legal = policy.DeniedTopics.Topics[1];
        Assert.Equal("legal", legal.Name);
        Assert.Equal(["lawsuit"], legal.Keywords);
        Assert.Empty(legal.Examples);
        Assert.Equal(0.35, legal.Threshold);
        Assert.Equal(8, policy.SystemPromptLeak.NGram);
        Assert.Equal(0.3, policy.SystemPromptLeak.Threshold);
        Assert.Equal(RailAction.Redact, policy.SystemPromptLeak.Action);
        Assert.Equal(0.7, policy.Grounding.MinSupport);
        Assert.Equal(RailAction.Block, policy.Grounding.Action);
        Assert.False(policy.RestrictedContent.Enabled);
    }

    [Theory]
    [InlineData("\"tokenLimit\": {\n \"encoding\": \"p50k_base\" }", 2, "unknown encoding \"p50k_base\"")]
    [InlineData("\"tokenLimit\": {\n \"encoding\": 5 }", 2, "must be a string")]
    [InlineData("\"tokenLimit\": {\n \"maxTokens\": 0 }", 2, "below the minimum")]
    [InlineData("\"tokenLimit\": {\n \"maxTokens\": \"8000\" }", 2, "must be a whole number")]
    [InlineData("\"tokenLimit\": {\n \"action\": \"redact\" }", 2, "unknown action")]
    [InlineData("\"tokenLimit\": {\n \"maxToken\": 10 }", 2, "Did you mean \"maxTokens\"")]
    [InlineData("\"contextOverflow\": {\n \"minFillerCharacters\": 10 }", 2, "below the minimum")]
    [InlineData("\"contextOverflow\": {\n \"enabled\": 1 }", 2, "must be true or false")]
    [InlineData("\"contextOverflow\": {\n \"filler\": 1 }", 2, "Unknown key \"filler\"")]
    [InlineData("\"deniedTopics\": {\n \"topics\": {} }", 2, "must be an array of topics")]
    [InlineData("\"deniedTopics\": { \"topics\": [\n 5 ] }", 2, "must be a JSON object")]
    [InlineData("\"deniedTopics\": { \"topics\": [ {\n \"name\": \"\", \"keywords\": [\"x\"] } ] }", 2, "topic name is empty")]
    [InlineData("\"deniedTopics\": { \"topics\": [ {\n \"name\": \"a b\", \"keywords\": [\"x\"] } ] }", 2, "contains characters other than")]
    [InlineData("\"deniedTopics\": { \"topics\": [\n { \"keywords\": [\"x\"] } ] }", 2, "has no \"name\"")]
    [InlineData("\"deniedTopics\": { \"topics\": [ { \"name\": \"a\", \"keywords\": [\"x\"] },\n { \"name\": \"A\", \"keywords\": [\"y\"] } ] }", 2, "defined twice")]
    [InlineData("\"deniedTopics\": { \"topics\": [ {\n \"name\": \"a\" } ] }", 2, "neither \"keywords\" nor \"examples\"")]
    [InlineData("\"deniedTopics\": { \"topics\": [ { \"name\": \"a\", \"keywords\": [\n \"ok\",\n 7 ] } ] }", 3, "must contain only strings")]
    [InlineData("\"deniedTopics\": { \"topics\": [ { \"name\": \"a\", \"keywords\": [\n \"?!\" ] } ] }", 2, "no letters or digits")]
    [InlineData("\"deniedTopics\": { \"topics\": [ { \"name\": \"a\", \"keywords\": \"x\",\n \"threshold\": 0.5 } ] }", 1, "must be an array of strings")]
    [InlineData("\"deniedTopics\": { \"topics\": [ { \"name\": \"a\", \"keywords\": [\"x\"],\n \"threshold\": 0 } ] }", 2, "outside the range")]
    [InlineData("\"deniedTopics\": { \"topics\": [ { \"name\": \"a\", \"keywords\": [\"x\"],\n \"synonyms\": [] } ] }", 2, "Unknown key \"synonyms\"")]
    [InlineData("\"systemPromptLeak\": {\n \"ngram\": 2 }", 2, "below the minimum")]
    [InlineData("\"systemPromptLeak\": {\n \"ngram\": 100 }", 2, "above the maximum")]
    [InlineData("\"systemPromptLeak\": {\n \"threshold\": 1.5 }", 2, "outside the range")]
    [InlineData("\"grounding\": {\n \"minSupport\": -1 }", 2, "outside the range")]
    [InlineData("\"grounding\": {\n \"minSupport\": 0.5,\n \"minSupport\": 0.6 }", 3, "appears twice")]
    [InlineData("\"restrictedContent\": {\n \"action\": \"deny\" }", 2, "unknown action")]
    [InlineData("\"restrictedContent\": [\n ]", 1, "must be a JSON object")]
    public void Bad_content_settings_name_the_line_and_the_fix(string rail, long line, string problem)
    {
        var json = "{ \"version\": \"1\", \"rails\": { " + rail + " } }";

        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Parse(json, "bad.json"));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"bad.json({line}): ", error.Message);
        Assert.Contains("Fix:", error.Message);
    }
}
