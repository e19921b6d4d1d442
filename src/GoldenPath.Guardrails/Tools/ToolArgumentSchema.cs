using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoldenPath.Guardrails;

/// <summary>
/// The subset of JSON Schema that tool arguments are checked against. It is compiled once when the policy is
/// read; patterns use <see cref="RegexOptions.NonBacktracking"/> so an argument crafted to make a pattern
/// backtrack is still decided in linear time. Unlike JSON Schema, <c>additionalProperties</c> defaults to false:
/// an argument the policy does not name is rejected.
/// </summary>
internal sealed class ToolArgumentSchema
{
    /// <summary>The arguments of a tool whose catalog entry has no <c>"arguments"</c>: none at all.</summary>
    public static ToolArgumentSchema NoArguments { get; } = new() { Types = SchemaTypes.Object };

    public SchemaTypes Types { get; init; }

    public IReadOnlyDictionary<string, ToolArgumentSchema>? Properties { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    public bool AdditionalProperties { get; init; }

    public IReadOnlyList<JsonElement>? Enum { get; init; }

    public JsonElement? Const { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public Regex? Pattern { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public ToolArgumentSchema? Items { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>Returns the first violation, naming the JSON pointer of the argument but never its value; null when valid.</summary>
    public string? Validate(JsonElement value, string path = "")
    {
        var at = path.Length == 0 ? "The arguments" : $"Argument {path}";
        if (Types != SchemaTypes.None && (Types & TypeOf(value)) == 0)
        {
            return $"{at} must be {Describe(Types)}.";
        }

        if (Const is { } constant && !JsonElement.DeepEquals(constant, value))
        {
            return $"{at} must be the value the policy fixes.";
        }

        if (Enum is { } choices && !choices.Any(c => JsonElement.DeepEquals(c, value)))
        {
            return $"{at} is not one of the {choices.Count} allowed values.";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => ValidateString(value.GetString()!, at),
            JsonValueKind.Number => ValidateNumber(value.GetDouble(), at),
            JsonValueKind.Array => ValidateArray(value, path, at),
            JsonValueKind.Object => ValidateObject(value, path),
            _ => null,
        };
    }

    private string? ValidateString(string text, string at)
    {
        if (MinLength is null && MaxLength is null && Pattern is null)
        {
            return null;
        }

        // JSON Schema counts characters as code points, not UTF-16 units.
        var length = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            length++;
        }

        if (length < MinLength)
        {
            return $"{at} is shorter than {MinLength} characters.";
        }

        if (length > MaxLength)
        {
            return $"{at} is longer than {MaxLength} characters.";
        }

        return Pattern is not null && !Pattern.IsMatch(text) ? $"{at} does not match the required pattern." : null;
    }

    private string? ValidateNumber(double number, string at)
    {
        if (number < Minimum)
        {
            return $"{at} is below the minimum of {Minimum.Value.ToString(CultureInfo.InvariantCulture)}.";
        }

        return number > Maximum ? $"{at} is above the maximum of {Maximum.Value.ToString(CultureInfo.InvariantCulture)}." : null;
    }

    private string? ValidateArray(JsonElement array, string path, string at)
    {
        var count = array.GetArrayLength();
        if (count > MaxItems)
        {
            return $"{at} has more than {MaxItems} items.";
        }

        if (Items is null)
        {
            return null;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (Items.Validate(item, $"{path}/{index++}") is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private string? ValidateObject(JsonElement value, string path)
    {
        foreach (var name in Required)
        {
            if (!value.TryGetProperty(name, out _))
            {
                return $"Argument {path}/{Escape(name)} is required.";
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}/{Escape(property.Name)}";
            if (Properties is not null && Properties.TryGetValue(property.Name, out var schema))
            {
                if (schema.Validate(property.Value, at) is { } error)
                {
                    return error;
                }
            }
            else if (!AdditionalProperties)
            {
                return $"Argument {at} is not allowed by the policy.";
            }
        }

        return null;
    }

    private static SchemaTypes TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => SchemaTypes.String,
        JsonValueKind.Number => double.IsInteger(value.GetDouble()) ? SchemaTypes.Integer | SchemaTypes.Number : SchemaTypes.Number,
        JsonValueKind.True or JsonValueKind.False => SchemaTypes.Boolean,
        JsonValueKind.Array => SchemaTypes.Array,
        JsonValueKind.Object => SchemaTypes.Object,
        _ => SchemaTypes.Null,
    };

    private static string Describe(SchemaTypes types) =>
        string.Join(" or ", SchemaTypeNames.All.Where(t => (types & t.Type) != 0).Select(t => $"{(t.Name[0] is 'a' or 'i' or 'o' ? "an" : "a")} {t.Name}"));

    // JSON pointer escaping (RFC 6901), so a property name cannot fake a path.
    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
