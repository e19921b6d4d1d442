using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoldenPath.Guardrails;

/// <summary>The <c>"tools"</c> section: settings, the catalog and each tool's argument schema.</summary>
internal ref partial struct PolicyReader
{
    private static readonly string[] s_toolKeys = ["enabled", "mode", "maxCallsPerTurn", "scanResults", "catalog"];
    private static readonly string[] s_toolEntryKeys = ["description", "roles", "requiresApproval", "arguments"];
    private static readonly string[] s_schemaKeys =
    [
        "type", "description", "title", "properties", "required", "additionalProperties", "enum", "const",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "items", "maxItems",
    ];

    // A pattern is checked once per argument; a generous bound still keeps a policy from stalling a request.
    private static readonly TimeSpan s_patternTimeout = TimeSpan.FromSeconds(1);

    private ToolRailSettings ReadTools(long toolsLine)
    {
        const string Section = "\"tools\"";
        ReadValue();
        ExpectStartObject(Section, toolsLine);
        var settings = new ToolRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Section, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "maxCallsPerTurn" => settings with { MaxCallsPerTurn = ReadInt(name, line, min: 1) },
                "scanResults" => settings with { ScanResults = ReadBool(name, line) },
                "catalog" => settings with { Catalog = ReadToolCatalog(line) },
                _ => throw UnknownKey(name, Section, line, s_toolKeys),
            };
        }

        return settings;
    }

    private Dictionary<string, ToolDefinition> ReadToolCatalog(long catalogLine)
    {
        ReadValue();
        ExpectStartObject("\"tools.catalog\"", catalogLine);
        var catalog = new Dictionary<string, ToolDefinition>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            if (catalog.ContainsKey(name))
            {
                throw Error(line, $"The tool \"{name}\" appears twice in \"tools.catalog\".", "Keep one of the two entries.");
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                throw Error(line, "A tool in \"tools.catalog\" has an empty name.", "Use the name the model calls the tool by.");
            }

            catalog[name] = ReadToolEntry(name, line);
        }

        return catalog;
    }

    private ToolDefinition ReadToolEntry(string tool, long toolLine)
    {
        var where = $"\"tools.catalog.{tool}\"";
        ReadValue();
        ExpectStartObject(where, toolLine);
        IReadOnlyList<string>? roles = null;
        var requiresApproval = false;
        var arguments = ToolArgumentSchema.NoArguments;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, where, line);
            switch (name)
            {
                case "description":
                    _ = ReadString(name, line);
                    break;
                case "roles":
                    roles = ReadRoles(name, line);
                    break;
                case "requiresApproval":
                    requiresApproval = ReadBool(name, line);
                    break;
                case "arguments":
                    ReadValue();
                    ExpectStartObject($"{where}.arguments", line);
                    arguments = ReadSchema($"{where}.arguments");
                    if (arguments.Types != SchemaTypes.Object)
                    {
                        throw Error(line, $"The arguments of \"{tool}\" must be described by a schema of \"type\": \"object\".", "Add \"type\": \"object\" and list the arguments under \"properties\".");
                    }

                    break;
                default:
                    throw UnknownKey(name, where, line, s_toolEntryKeys);
            }
        }

        if (roles is null)
        {
            throw Error(
                toolLine,
                $"The tool \"{tool}\" has no \"roles\".",
                "Add \"roles\": [\"*\"] to allow any signed-in caller, or list the roles that may call it.");
        }

        return new ToolDefinition(tool, roles, requiresApproval, arguments);
    }

    private string[] ReadRoles(string name, long line)
    {
        ReadValue();
        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(name, line, "an array of role names", "[\"*\"]");
        }

        var roles = new List<string>();
        while (true)
        {
            ReadValue();
            if (_reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (_reader.TokenType != JsonTokenType.String || string.IsNullOrWhiteSpace(_reader.GetString()))
            {
                throw Error(CurrentLine(), $"\"{name}\" may only hold non-empty role names.", "Write each role as a string, for example \"support-lead\", or \"*\" for any signed-in caller.");
            }

            roles.Add(_reader.GetString()!);
        }

        return roles.Count > 0
            ? [.. roles]
            : throw Error(line, $"\"{name}\" is empty, so no one could call the tool.", "List at least one role, or remove the tool from the catalog.");
    }

    /// <summary>Reads a schema object whose '{' is the current token.</summary>
    private ToolArgumentSchema ReadSchema(string where)
    {
        var types = SchemaTypes.None;
        Dictionary<string, ToolArgumentSchema>? properties = null;
        string[] required = [];
        long requiredLine = 0;
        var additional = false;
        JsonElement[]? choices = null;
        JsonElement? constant = null;
        int? minLength = null, maxLength = null, maxItems = null;
        long lengthLine = 0, rangeLine = 0;
        Regex? pattern = null;
        double? minimum = null, maximum = null;
        ToolArgumentSchema? items = null;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, where, line);
            switch (name)
            {
                case "type":
                    types = ReadSchemaTypes(line);
                    break;
                case "description" or "title":
                    _ = ReadString(name, line);
                    break;
                case "properties":
                    properties = ReadSchemaProperties(where, line);
                    break;
                case "required":
                    required = ReadStringArray(name, line);
                    requiredLine = line;
                    break;
                case "additionalProperties":
                    ReadValue();
                    additional = _reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw Error(line, "\"additionalProperties\" must be true or false; schemas for extra arguments are not supported.", "Write \"additionalProperties\": false and list every argument under \"properties\"."),
                    };
                    break;
                case "enum":
                    ReadValue();
                    if (_reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw WrongType(name, line, "an array of allowed values", "[\"low\", \"high\"]");
                    }

                    choices = [.. JsonElement.ParseValue(ref _reader).EnumerateArray()];
                    if (choices.Length == 0)
                    {
                        throw Error(line, "\"enum\" is empty, so no value would be accepted.", "List at least one allowed value.");
                    }

                    break;
                case "const":
                    ReadValue();
                    constant = JsonElement.ParseValue(ref _reader);
                    break;
                case "minLength":
                    minLength = ReadInt(name, line, min: 0);
                    lengthLine = line;
                    break;
                case "maxLength":
                    maxLength = ReadInt(name, line, min: 0);
                    lengthLine = line;
                    break;
                case "maxItems":
                    maxItems = ReadInt(name, line, min: 0);
                    break;
                case "pattern":
                    pattern = CompilePattern(ReadString(name, line), line);
                    break;
                case "minimum":
                    minimum = ReadSchemaNumber(name, line);
                    rangeLine = line;
                    break;
                case "maximum":
                    maximum = ReadSchemaNumber(name, line);
                    rangeLine = line;
                    break;
                case "items":
                    ReadValue();
                    ExpectStartObject($"{where}.items", line);
                    items = ReadSchema($"{where}.items");
                    break;
                default:
                    throw UnknownKey(name, where, line, s_schemaKeys);
            }
        }

        if (minLength > maxLength)
        {
            throw Error(lengthLine, $"\"minLength\" ({minLength}) is above \"maxLength\" ({maxLength}) in {where}.", "Make \"minLength\" less than or equal to \"maxLength\".");
        }

        if (minimum > maximum)
        {
            throw Error(rangeLine, $"\"minimum\" ({minimum}) is above \"maximum\" ({maximum}) in {where}.", "Make \"minimum\" less than or equal to \"maximum\".");
        }

        foreach (var name in required)
        {
            if (!additional && properties?.ContainsKey(name) != true)
            {
                throw Error(requiredLine, $"\"{name}\" is required in {where} but not listed under \"properties\", so no call could pass.", $"Describe \"{name}\" under \"properties\" or remove it from \"required\".");
            }
        }

        return new ToolArgumentSchema
        {
            Types = types,
            Properties = properties,
            Required = required,
            AdditionalProperties = additional,
            Enum = choices,
            Const = constant,
            MinLength = minLength,
            MaxLength = maxLength,
            Pattern = pattern,
            Minimum = minimum,
            Maximum = maximum,
            Items = items,
            MaxItems = maxItems,
        };
    }

    private Dictionary<string, ToolArgumentSchema> ReadSchemaProperties(string where, long propertiesLine)
    {
        ReadValue();
        ExpectStartObject($"{where}.properties", propertiesLine);
        var properties = new Dictionary<string, ToolArgumentSchema>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            if (properties.ContainsKey(name))
            {
                throw Error(line, $"\"{name}\" appears twice in {where}.properties.", "Keep one of the two entries.");
            }

            ReadValue();
            ExpectStartObject($"{where}.properties.{name}", line);
            properties[name] = ReadSchema($"{where}.properties.{name}");
        }

        return properties;
    }

    private SchemaTypes ReadSchemaTypes(long line)
    {
        const string Choices = "\"string\", \"integer\", \"number\", \"boolean\", \"array\", \"object\" or \"null\"";
        ReadValue();
        string[] names = _reader.TokenType switch
        {
            JsonTokenType.String => [_reader.GetString()!],
            JsonTokenType.StartArray => ReadStringArrayItems("type"),
            _ => throw WrongType("type", line, $"one of {Choices}", "\"string\""),
        };

        var types = SchemaTypes.None;
        foreach (var name in names)
        {
            var match = Array.Find(SchemaTypeNames.All, t => t.Name == name);
            if (match.Name is null)
            {
                throw Error(line, $"\"type\" has the unknown type \"{name}\".", $"Use {Choices}.");
            }

            types |= match.Type;
        }

        return types != SchemaTypes.None ? types : throw Error(line, "\"type\" is empty.", $"Use {Choices}.");
    }

    private string[] ReadStringArray(string name, long line)
    {
        ReadValue();
        return _reader.TokenType == JsonTokenType.StartArray
            ? ReadStringArrayItems(name)
            : throw WrongType(name, line, "an array of strings", "[\"query\"]");
    }

    /// <summary>Reads the strings of an array whose '[' is the current token.</summary>
    private string[] ReadStringArrayItems(string name)
    {
        var values = new List<string>();
        while (true)
        {
            ReadValue();
            if (_reader.TokenType == JsonTokenType.EndArray)
            {
                return [.. values];
            }

            if (_reader.TokenType != JsonTokenType.String)
            {
                throw Error(CurrentLine(), $"\"{name}\" may only hold strings but holds {Describe(_reader.TokenType)}.", "Quote each entry.");
            }

            values.Add(_reader.GetString()!);
        }
    }

    private double ReadSchemaNumber(string name, long line)
    {
        ReadValue();
        return _reader.TokenType == JsonTokenType.Number && _reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw WrongType(name, line, "a number", "0");
    }

    private readonly Regex CompilePattern(string pattern, long line)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, s_patternTimeout);
        }
        catch (ArgumentException ex)
        {
            throw Error(line, $"\"pattern\" is not a valid regular expression ({ex.Message}).", "Correct the expression; backreferences and lookarounds are not supported because patterns run without backtracking.");
        }
        catch (NotSupportedException)
        {
            throw Error(line, "\"pattern\" uses a construct that needs backtracking (a backreference, lookaround or atomic group).", "Rewrite the pattern without backreferences, lookarounds or atomic groups.");
        }
    }
}
