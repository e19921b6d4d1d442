using System.Text.Json.Nodes;

namespace GoldenPath.AspNetCore.Tests.Models;

/// <summary>A request as <see cref="OpenAICompatibleStub"/> received it.</summary>
internal sealed record StubRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, JsonNode Body)
{
    public string? Authorization => Headers.GetValueOrDefault("Authorization");

    public bool IsChat => Path.EndsWith("/chat/completions", StringComparison.Ordinal);
}
