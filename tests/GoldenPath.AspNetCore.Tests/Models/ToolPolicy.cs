using GoldenPath.Guardrails;
using Microsoft.Extensions.AI;

namespace GoldenPath.AspNetCore.Tests.Models;

/// <summary>A policy file whose tool catalog lists one tool for one role, and the chat options of a caller.</summary>
internal sealed class ToolPolicy : IDisposable
{
    private ToolPolicy(string path) => Path = path;

    public string Path { get; }

    public static ToolPolicy Allowing(string tool, string role)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"goldenpath-tools-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            {
              "version": "tools-{{tool}}-{{role}}",
              "rails": {},
              "tools": {
                "catalog": {
                  "{{tool}}": {
                    "roles": ["{{role}}"],
                    "arguments": { "type": "object", "properties": { "city": { "type": "string", "maxLength": 64 } }, "required": ["city"] }
                  }
                }
              }
            }
            """);
        return new ToolPolicy(path);
    }

    public static AdditionalPropertiesDictionary Caller(string role) =>
        new() { [GuardrailRequest.PropertyName] = new GuardrailRequest { Roles = [role] } };

    public void Dispose() => File.Delete(Path);
}
