namespace GoldenPath.Guardrails.Tests;

/// <summary>Policies with a tool catalog, shared by the tool rail tests.</summary>
internal static class ToolPolicies
{
    public const string Catalog = """
        {
          "version": "tools.1",
          "tools": {
            "enabled": true,
            "mode": "enforce",
            "maxCallsPerTurn": 3,
            "scanResults": true,
            "catalog": {
              "search_documents": {
                "description": "Searches the knowledge base.",
                "roles": ["*"],
                "arguments": {
                  "type": "object",
                  "properties": { "query": { "type": "string", "maxLength": 500 } },
                  "required": ["query"],
                  "additionalProperties": false
                }
              },
              "issue_refund": {
                "roles": ["support-lead"],
                "requiresApproval": true,
                "arguments": {
                  "type": "object",
                  "properties": {
                    "orderId": { "type": "string", "pattern": "^ord-[0-9]{6}$" },
                    "amount": { "type": "number", "minimum": 0.01, "maximum": 500 }
                  },
                  "required": ["orderId", "amount"]
                }
              },
              "close_ticket": { "roles": ["support-agent", "support-lead"] }
            }
          }
        }
        """;

    public static GuardrailEngine Engine(string json = Catalog) =>
        new(GuardrailPolicy.Parse(json, "tools.policy.json"), new GuardrailOptions());

    /// <summary>The catalog policy with the tool rail in monitor mode.</summary>
    public static GuardrailEngine MonitorEngine() =>
        Engine(Catalog.Replace("\"mode\": \"enforce\"", "\"mode\": \"monitor\"", StringComparison.Ordinal));

    public static GuardrailRequest Caller(params string[] roles) => new() { Roles = roles };

    public static Dictionary<string, object?> Args(params (string Name, object? Value)[] arguments) =>
        arguments.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
}
