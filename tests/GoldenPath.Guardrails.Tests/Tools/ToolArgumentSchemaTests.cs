using System.Text.Json;

namespace GoldenPath.Guardrails.Tests;

public sealed class ToolArgumentSchemaTests
{
    /// <summary>Builds a one-tool policy whose argument <c>value</c> has the given schema, and checks one value against it.</summary>
    private static ToolDecision Check(string valueSchema, string argumentJson)
    {
        var json = $$"""
            {
              "version": "schema.1",
              "tools": {
                "catalog": {
                  "probe": {
                    "roles": ["*"],
                    "arguments": { "type": "object", "properties": { "value": {{valueSchema}} } }
                  }
                }
              }
            }
            """;
        var engine = new GuardrailEngine(GuardrailPolicy.Parse(json, "schema.policy.json"), new GuardrailOptions());
        var arguments = new Dictionary<string, object?> { ["value"] = JsonDocument.Parse(argumentJson).RootElement.Clone() };
        return engine.Tools.Authorize(new ToolCallRequest("probe", arguments, "c1"), new GuardrailRequest { Roles = ["user"] }, 0);
    }

    [Theory]
    [InlineData("""{ "type": "string" }""", "\"text\"", true)]
    [InlineData("""{ "type": "string" }""", "5", false)]
    [InlineData("""{ "type": "integer" }""", "5", true)]
    [InlineData("""{ "type": "integer" }""", "5.5", false)]
    [InlineData("""{ "type": "number" }""", "5.5", true)]
    [InlineData("""{ "type": "number" }""", "\"5\"", false)]
    [InlineData("""{ "type": "boolean" }""", "true", true)]
    [InlineData("""{ "type": "boolean" }""", "\"true\"", false)]
    [InlineData("""{ "type": "array" }""", "[1, 2]", true)]
    [InlineData("""{ "type": "array" }""", "{}", false)]
    [InlineData("""{ "type": "object" }""", "{}", true)]
    [InlineData("""{ "type": "object" }""", "[]", false)]
    [InlineData("""{ "type": ["string", "null"] }""", "null", true)]
    [InlineData("""{ "enum": ["low", "high"] }""", "\"high\"", true)]
    [InlineData("""{ "enum": ["low", "high"] }""", "\"medium\"", false)]
    [InlineData("""{ "const": 42 }""", "42", true)]
    [InlineData("""{ "const": 42 }""", "41", false)]
    [InlineData("""{ "type": "string", "minLength": 3 }""", "\"abc\"", true)]
    [InlineData("""{ "type": "string", "minLength": 3 }""", "\"ab\"", false)]
    [InlineData("""{ "type": "string", "maxLength": 3 }""", "\"abc\"", true)]
    [InlineData("""{ "type": "string", "maxLength": 3 }""", "\"abcd\"", false)]
    [InlineData("""{ "type": "string", "maxLength": 2 }""", "\"😀😀\"", true)] // code points, not UTF-16 units
    [InlineData("""{ "type": "string", "pattern": "^ord-[0-9]{6}$" }""", "\"ord-123456\"", true)]
    [InlineData("""{ "type": "string", "pattern": "^ord-[0-9]{6}$" }""", "\"ord-12345\"", false)]
    [InlineData("""{ "type": "number", "minimum": 1 }""", "1", true)]
    [InlineData("""{ "type": "number", "minimum": 1 }""", "0.5", false)]
    [InlineData("""{ "type": "number", "maximum": 10 }""", "10", true)]
    [InlineData("""{ "type": "number", "maximum": 10 }""", "10.5", false)]
    [InlineData("""{ "type": "array", "items": { "type": "integer" } }""", "[1, 2]", true)]
    [InlineData("""{ "type": "array", "items": { "type": "integer" } }""", "[1, \"2\"]", false)]
    [InlineData("""{ "type": "array", "maxItems": 2 }""", "[1, 2]", true)]
    [InlineData("""{ "type": "array", "maxItems": 2 }""", "[1, 2, 3]", false)]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string" } }, "required": ["a"] }""", "{ \"a\": \"x\" }", true)]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string" } }, "required": ["a"] }""", "{}", false)]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string" } } }""", "{ \"a\": \"x\", \"b\": 1 }", false)]
    [InlineData("""{ "type": "object", "additionalProperties": true }""", "{ \"b\": 1 }", true)]
    public void Validates_each_keyword(string schema, string value, bool valid)
    {
        var decision = Check(schema, value);

        Assert.Equal(valid ? ToolDecisionKind.Allow : ToolDecisionKind.Deny, decision.Kind);
        if (!valid)
        {
            Assert.Equal(ToolDecisionCategories.InvalidArguments, decision.Category);
            Assert.Contains("/value", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_argument_the_schema_does_not_name_is_rejected_by_default()
    {
        var decision = Check("""{ "type": "string" }""", "\"x\"");
        var engine = new GuardrailEngine(GuardrailPolicy.Parse(
            """{ "version": "1", "tools": { "catalog": { "probe": { "roles": ["*"] } } } }""", "p.json"), new GuardrailOptions());

        var extra = engine.Tools.Authorize(new ToolCallRequest("probe", new Dictionary<string, object?> { ["path"] = "/etc" }, "c"), new GuardrailRequest { Roles = ["user"] }, 0);

        Assert.Equal(ToolDecisionKind.Allow, decision.Kind);
        Assert.Equal(ToolDecisionCategories.InvalidArguments, extra.Category);
        Assert.Contains("/path", extra.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pattern_that_would_backtrack_catastrophically_is_decided_without_error()
    {
        // (a+)+$ backtracks exponentially on "aaa…!" in a backtracking engine; the argument must still be decided.
        var value = JsonSerializer.Serialize(new string('a', 50_000) + "!");

        var decision = Check("""{ "type": "string", "pattern": "^(a+)+$" }""", value);

        Assert.Equal(ToolDecisionCategories.InvalidArguments, decision.Category);
    }

    [Fact]
    public void Accepts_arguments_given_as_plain_dotnet_values()
    {
        var engine = ToolPolicies.Engine();
        var arguments = ToolPolicies.Args(("orderId", "ord-000042"), ("amount", 12));

        var decision = engine.Tools.Authorize(new ToolCallRequest("issue_refund", arguments, "c"), ToolPolicies.Caller("support-lead"), 0);

        Assert.Equal(ToolDecisionKind.PendingApproval, decision.Kind);
    }
}
