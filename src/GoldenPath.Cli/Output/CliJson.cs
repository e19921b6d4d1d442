using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoldenPath.Cli.Output;

internal static class CliJson
{
    /// <summary>Indented, camelCase, enums as kebab-case strings.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>One object per line, for JSON Lines output.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,

        // Output goes to terminals and JSON parsers, never into HTML, so readable apostrophes beat escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
