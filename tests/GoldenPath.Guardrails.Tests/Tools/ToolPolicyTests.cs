namespace GoldenPath.Guardrails.Tests;

public sealed class ToolPolicyTests
{
    [Fact]
    public void Reads_the_tools_section()
    {
        var tools = GuardrailPolicy.Parse(ToolPolicies.Catalog, "tools.policy.json").Tools;

        Assert.True(tools.Enabled);
        Assert.Equal(RailMode.Enforce, tools.Mode);
        Assert.Equal(3, tools.MaxCallsPerTurn);
        Assert.True(tools.ScanResults);
        Assert.Equal(["close_ticket", "issue_refund", "search_documents"], tools.Catalog.Keys.Order(StringComparer.Ordinal));
        Assert.True(tools.Catalog["issue_refund"].RequiresApproval);
        Assert.Equal(["support-lead"], tools.Catalog["issue_refund"].Roles);
    }

    [Fact]
    public void Monitor_mode_is_read()
    {
        Assert.Equal(RailMode.Monitor, ToolPolicies.MonitorEngine().Policy.Tools.Mode);
    }

    /// <summary>Each case puts one bad value on line 4 of a tools section (line 5 inside a tool's schema).</summary>
    [Theory]
    [InlineData("\"mode\": \"observe\"", 4, "\"observe\"")]
    [InlineData("\"maxCallsPerTurn\": 0", 4, "minimum")]
    [InlineData("\"scanResults\": \"yes\"", 4, "true or false")]
    [InlineData("\"retries\": 2", 4, "Unknown key \"retries\"")]
    [InlineData("\"catalog\": []", 4, "must be a JSON object")]
    public void Bad_settings_report_their_line(string setting, long line, string expected)
    {
        var json = $$"""
            {
              "version": "1",
              "tools": {
                {{setting}}
              }
            }
            """;

        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Parse(json, "bad.policy.json"));

        Assert.Equal(line, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"roles\": []", "is empty")]
    [InlineData("\"roles\": \"admin\"", "array of role names")]
    [InlineData("\"roles\": [\"*\"], \"requiresApproval\": 1", "true or false")]
    [InlineData("\"roles\": [\"*\"], \"owner\": \"ops\"", "Unknown key \"owner\"")]
    [InlineData("\"roles\": [\"*\"], \"arguments\": { \"type\": \"string\" }", "\"type\": \"object\"")]
    public void Bad_tool_entries_report_their_line(string entry, string expected)
    {
        var json = $$"""
            {
              "version": "1",
              "tools": {
                "catalog": {
                  "probe": { {{entry}} }
                }
              }
            }
            """;

        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Parse(json, "bad.policy.json"));

        Assert.Equal(5, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_without_roles_is_an_error_at_the_tool()
    {
        const string Json = """
            {
              "version": "1",
              "tools": {
                "catalog": {
                  "probe": {
                    "requiresApproval": false
                  }
                }
              }
            }
            """;

        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Parse(Json, "bad.policy.json"));

        Assert.Equal(5, error.Line);
        Assert.Contains("\"roles\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"format\": \"email\"", "Unknown key \"format\"")]
    [InlineData("\"type\": \"text\"", "unknown type \"text\"")]
    [InlineData("\"type\": 5", "must be one of")]
    [InlineData("\"maxLength\": -1", "minimum")]
    [InlineData("\"minLength\": 5, \"maxLength\": 2", "above \"maxLength\"")]
    [InlineData("\"minimum\": 5, \"maximum\": 2", "above \"maximum\"")]
    [InlineData("\"minimum\": \"1\"", "must be a number")]
    [InlineData("\"pattern\": \"([a-z\"", "not a valid regular expression")]
    [InlineData("\"pattern\": \"(a)\\\\1\"", "backtracking")]
    [InlineData("\"pattern\": \"a(?=b)\"", "backtracking")]
    [InlineData("\"enum\": []", "is empty")]
    [InlineData("\"enum\": \"a\"", "array of allowed values")]
    [InlineData("\"items\": 3", "must be a JSON object")]
    [InlineData("\"maxItems\": 1.5", "whole number")]
    [InlineData("\"additionalProperties\": {}", "true or false")]
    [InlineData("\"required\": [\"missing\"]", "not listed under \"properties\"")]
    [InlineData("\"required\": [1]", "may only hold strings")]
    public void Bad_schema_keywords_report_their_line(string keyword, string expected)
    {
        var json = $$"""
            {
              "version": "1",
              "tools": { "catalog": { "probe": { "roles": ["*"], "arguments": { "type": "object", "properties": {
                "value": {
                  {{keyword}}
                }
              } } } } }
            }
            """;

        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Parse(json, "schema.policy.json"));

        Assert.Equal(5, error.Line);
        Assert.Equal("schema.policy.json", error.Source);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_tool_is_an_error_at_the_second_entry()
    {
        const string Json = """
            {
              "version": "1",
              "tools": { "catalog": {
                "probe": { "roles": ["*"] },
                "probe": { "roles": ["admin"] }
              } }
            }
            """;

        var error = Assert.Throws<GuardrailPolicyException>(() => GuardrailPolicy.Parse(Json, "dup.policy.json"));

        Assert.Equal(5, error.Line);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }
}
