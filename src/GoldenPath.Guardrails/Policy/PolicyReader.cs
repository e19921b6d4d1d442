using System.Text.Json;

namespace GoldenPath.Guardrails;

/// <summary>
/// Reads policy JSON with <see cref="Utf8JsonReader"/> rather than a serializer so that every semantic error
/// (unknown key, wrong type, bad value) can be reported with the line of the offending property.
/// </summary>
internal ref partial struct PolicyReader
{
    private static readonly JsonReaderOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] s_railNames = [
        "inputLength", "promptInjection", "pii", "secrets", "canary", "exfiltration",
        "tokenLimit", "contextOverflow", "deniedTopics", "systemPromptLeak", "grounding", "restrictedContent",
    ];

    private readonly ReadOnlySpan<byte> _json;
    private readonly string _source;
    private Utf8JsonReader _reader;

    private PolicyReader(ReadOnlySpan<byte> json, string source)
    {
        // A UTF-8 byte order mark is legal in files but not in JSON text.
        _json = json.StartsWith("\uFEFF"u8) ? json[3..] : json;
        _source = source;
        _reader = new Utf8JsonReader(_json, s_options);
    }

    public static GuardrailPolicy Read(ReadOnlySpan<byte> json, string source)
    {
        var reader = new PolicyReader(json, source);
        if (reader._json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw reader.Error(1, "The file is empty.", "Start from the embedded default.policy.json and set \"version\" and \"rails\".");
        }

        try
        {
            return reader.ReadPolicy();
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? l + 1 : (long?)null;
            throw new GuardrailPolicyException(
                source,
                line,
                $"The file is not valid JSON: {TrimPosition(ex.Message)}",
                "Correct the JSON syntax at that line (a missing comma, quote, colon or brace is the usual cause).",
                ex);
        }
    }

    private GuardrailPolicy ReadPolicy()
    {
        ReadValue();
        var rootLine = CurrentLine();
        ExpectStartObject("the policy");

        string? version = null;
        long versionLine = 0;
        var rails = new Rails();
        var tools = new ToolRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, "the policy", line);
            switch (name)
            {
                case "version":
                    version = ReadString(name, line);
                    versionLine = line;
                    if (string.IsNullOrWhiteSpace(version))
                    {
                        throw Error(line, "\"version\" is empty.", "Set it to a value such as \"2026.11.29.1\" and bump it on every change.");
                    }

                    break;
                case "description":
                    _ = ReadString(name, line);
                    break;
                case "rails":
                    rails = ReadRails(line);
                    break;
                case "tools":
                    tools = ReadTools(line);
                    break;
                default:
                    throw UnknownKey(name, "the policy", line, ["version", "description", "rails", "tools"]);
            }
        }

        if (version is null)
        {
            throw Error(
                rootLine,
                "The policy has no \"version\".",
                "Add \"version\": \"2026.11.29.1\" (any non-empty string; bump it on every change so verdicts can be traced to it).");
        }

        return new GuardrailPolicy(version)
        {
            VersionLine = versionLine,
            InputLength = rails.InputLength,
            PromptInjection = rails.PromptInjection,
            Pii = rails.Pii,
            Secrets = rails.Secrets,
            Canary = rails.Canary,
            Exfiltration = rails.Exfiltration,
            Tools = tools,
            TokenLimit = rails.TokenLimit,
            ContextOverflow = rails.ContextOverflow,
            DeniedTopics = rails.DeniedTopics,
            SystemPromptLeak = rails.SystemPromptLeak,
            Grounding = rails.Grounding,
            RestrictedContent = rails.RestrictedContent,
        };
    }

    private Rails ReadRails(long railsLine)
    {
        ReadValue();
        ExpectStartObject("\"rails\"", railsLine);
        var rails = new Rails();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, "\"rails\"", line);
            if (Array.IndexOf(s_railNames, name) < 0)
            {
                throw UnknownKey(name, "\"rails\"", line, s_railNames);
            }

            ReadValue();
            ExpectStartObject($"\"rails.{name}\"", line);
            switch (name)
            {
                case "inputLength":
                    rails.InputLength = ReadInputLength();
                    break;
                case "promptInjection":
                    rails.PromptInjection = ReadPromptInjection();
                    break;
                case "pii":
                    rails.Pii = ReadPii();
                    break;
                case "secrets":
                    rails.Secrets = ReadSecrets();
                    break;
                case "canary":
                    rails.Canary = ReadCanary();
                    break;
                case "exfiltration":
                    rails.Exfiltration = ReadExfiltration();
                    break;
                case "tokenLimit":
                    rails.TokenLimit = ReadTokenLimit();
                    break;
                case "contextOverflow":
                    rails.ContextOverflow = ReadContextOverflow();
                    break;
                case "deniedTopics":
                    rails.DeniedTopics = ReadDeniedTopics();
                    break;
                case "systemPromptLeak":
                    rails.SystemPromptLeak = ReadSystemPromptLeak();
                    break;
                case "grounding":
                    rails.Grounding = ReadGrounding();
                    break;
                case "restrictedContent":
                    rails.RestrictedContent = ReadRestrictedContent();
                    break;
            }
        }

        return rails;
    }

    private InputLengthRailSettings ReadInputLength()
    {
        const string Rail = "rails.inputLength";
        var settings = new InputLengthRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "action" => settings with { Action = ReadAction(name, line, RailAction.Allow, RailAction.Flag, RailAction.Block) },
                "maxCharacters" => settings with { MaxCharacters = ReadInt(name, line, min: 1) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "action", "maxCharacters"]),
            };
        }

        return settings;
    }

    private PromptInjectionRailSettings ReadPromptInjection()
    {
        const string Rail = "rails.promptInjection";
        var settings = new PromptInjectionRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long? flagLine = null;
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "action" => settings with { Action = ReadAction(name, line, RailAction.Allow, RailAction.Flag, RailAction.Block) },
                "threshold" => settings with { Threshold = ReadFraction(name, line) },
                "flagThreshold" => settings with { FlagThreshold = ReadFraction(name, line) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "action", "threshold", "flagThreshold"]),
            };
            if (name == "flagThreshold")
            {
                flagLine = line;
            }
        }

        if (settings.FlagThreshold > settings.Threshold)
        {
            throw Error(
                flagLine ?? CurrentLine(),
                $"\"flagThreshold\" ({settings.FlagThreshold}) is above \"threshold\" ({settings.Threshold}) in {Rail}.",
                "Make \"flagThreshold\" less than or equal to \"threshold\".");
        }

        return settings;
    }

    private PiiRailSettings ReadPii()
    {
        const string Rail = "rails.pii";
        var settings = new PiiRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "input" => settings with { InputAction = ReadAction(name, line) },
                "output" => settings with { OutputAction = ReadAction(name, line) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "input", "output"]),
            };
        }

        return settings;
    }

    private SecretsRailSettings ReadSecrets()
    {
        const string Rail = "rails.secrets";
        var settings = new SecretsRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "input" => settings with { InputAction = ReadAction(name, line) },
                "output" => settings with { OutputAction = ReadAction(name, line) },
                "entropyThreshold" => settings with { EntropyThreshold = ReadNumber(name, line, min: 1, max: 8) },
                "minTokenLength" => settings with { MinTokenLength = ReadInt(name, line, min: 8) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "input", "output", "entropyThreshold", "minTokenLength"]),
            };
        }

        return settings;
    }

    private CanaryRailSettings ReadCanary()
    {
        const string Rail = "rails.canary";
        var settings = new CanaryRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "action" => settings with { Action = ReadAction(name, line) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "action"]),
            };
        }

        return settings;
    }

    private ExfiltrationRailSettings ReadExfiltration()
    {
        const string Rail = "rails.exfiltration";
        var settings = new ExfiltrationRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "action" => settings with { Action = ReadAction(name, line) },
                "maxQueryValueLength" => settings with { MaxQueryValueLength = ReadInt(name, line, min: 8) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "action", "maxQueryValueLength"]),
            };
        }

        return settings;
    }

    /// <summary>Moves to the next property of the current object; false at its end.</summary>
    private bool NextProperty(out string name, out long line)
    {
        ReadValue();
        if (_reader.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            line = CurrentLine();
            return false;
        }

        // Inside an object the reader only yields property names or the end of the object.
        name = _reader.GetString()!;
        line = CurrentLine();
        return true;
    }

    private void ReadValue()
    {
        if (!_reader.Read())
        {
            throw Error(CurrentLine(), "The file ends before the policy is complete.", "Close every '{' with a matching '}'.");
        }
    }

    private readonly void ExpectStartObject(string what, long? line = null)
    {
        if (_reader.TokenType == JsonTokenType.StartObject)
        {
            return;
        }

        throw Error(
            line ?? CurrentLine(),
            $"{what} must be a JSON object but is {Describe(_reader.TokenType)}.",
            $"Write {what} as {{ ... }}.");
    }

    private string ReadString(string name, long line)
    {
        ReadValue();
        return _reader.TokenType == JsonTokenType.String
            ? _reader.GetString()!
            : throw WrongType(name, line, "a string", "\"...\"");
    }

    private bool ReadBool(string name, long line)
    {
        ReadValue();
        return _reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw WrongType(name, line, "true or false", "true"),
        };
    }

    private int ReadInt(string name, long line, int min)
    {
        ReadValue();
        if (_reader.TokenType != JsonTokenType.Number || !_reader.TryGetInt32(out var value))
        {
            throw WrongType(name, line, "a whole number", min.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return value >= min
            ? value
            : throw Error(line, $"\"{name}\" is {value}, below the minimum of {min}.", $"Use a value of at least {min}.");
    }

    private double ReadFraction(string name, long line) => ReadNumber(name, line, min: 0, max: 1);

    private double ReadNumber(string name, long line, double min, double max)
    {
        ReadValue();
        if (_reader.TokenType != JsonTokenType.Number || !_reader.TryGetDouble(out var value))
        {
            throw WrongType(name, line, $"a number from {min} to {max}", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return value >= min && value <= max
            ? value
            : throw Error(line, $"\"{name}\" is {value}, outside the range {min} to {max}.", $"Use a number from {min} to {max}.");
    }

    private RailAction ReadAction(string name, long line, params ReadOnlySpan<RailAction> allowed)
    {
        if (allowed.IsEmpty)
        {
            allowed = [RailAction.Allow, RailAction.Flag, RailAction.Redact, RailAction.Block];
        }

        var choices = string.Join(", ", allowed.ToArray().Select(a => $"\"{RailNames.Of(a)}\""));
        ReadValue();
        if (_reader.TokenType != JsonTokenType.String)
        {
            throw WrongType(name, line, $"one of {choices}", $"\"{RailNames.Of(allowed[^1])}\"");
        }

        var text = _reader.GetString()!;
        foreach (var action in allowed)
        {
            if (string.Equals(text, RailNames.Of(action), StringComparison.OrdinalIgnoreCase))
            {
                return action;
            }
        }

        throw Error(line, $"\"{name}\" has the unknown action \"{text}\".", $"Use one of {choices}.");
    }

    private RailMode ReadMode(string name, long line)
    {
        ReadValue();
        var text = _reader.TokenType == JsonTokenType.String ? _reader.GetString()! : throw WrongType(name, line, "\"enforce\" or \"monitor\"", "\"monitor\"");
        foreach (var mode in (ReadOnlySpan<RailMode>)[RailMode.Enforce, RailMode.Monitor])
        {
            if (string.Equals(text, RailNames.Of(mode), StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }

        throw Error(
            line,
            $"\"{name}\" has the unknown mode \"{text}\".",
            "Use \"enforce\" (the rail's action applies) or \"monitor\" (findings are recorded and the text passes).");
    }

    private readonly void EnsureFirst(HashSet<string> seen, string name, string where, long line)
    {
        if (!seen.Add(name))
        {
            throw Error(line, $"\"{name}\" appears twice in {where}.", "Keep one of the two entries.");
        }
    }

    private readonly long CurrentLine()
    {
        // Utf8JsonReader knows byte offsets only; count the newlines before the current token.
        var end = (int)Math.Min(_reader.TokenStartIndex, _json.Length);
        return _json[..end].Count((byte)'\n') + 1;
    }

    private readonly GuardrailPolicyException UnknownKey(string name, string where, long line, string[] known)
    {
        var suggestion = known.MinBy(k => EditDistance(k, name));
        var hint = suggestion is not null && EditDistance(suggestion, name) <= 2 ? $"Did you mean \"{suggestion}\"? " : string.Empty;
        return Error(
            line,
            $"Unknown key \"{name}\" in {where}.",
            $"{hint}Remove it or use one of: {string.Join(", ", known)}.");
    }

    private readonly GuardrailPolicyException WrongType(string name, long line, string expected, string example) =>
        Error(line, $"\"{name}\" must be {expected} but is {Describe(_reader.TokenType)}.", $"Write it as \"{name}\": {example}.");

    private readonly GuardrailPolicyException Error(long line, string problem, string fix) => new(_source, line, problem, fix);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => token.ToString(),
    };

    private static string TrimPosition(string message)
    {
        // The reader appends its own 0-based position; ours is already in the prefix.
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return index > 0 ? message[..index] : message;
    }

    private static int EditDistance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }

    private sealed class Rails
    {
        public InputLengthRailSettings InputLength { get; set; } = new();
        public PromptInjectionRailSettings PromptInjection { get; set; } = new();
        public PiiRailSettings Pii { get; set; } = new();
        public SecretsRailSettings Secrets { get; set; } = new();
        public CanaryRailSettings Canary { get; set; } = new();
        public ExfiltrationRailSettings Exfiltration { get; set; } = new();
        public TokenLimitRailSettings TokenLimit { get; set; } = new();
        public ContextOverflowRailSettings ContextOverflow { get; set; } = new();
        public DeniedTopicsRailSettings DeniedTopics { get; set; } = new();
        public SystemPromptLeakRailSettings SystemPromptLeak { get; set; } = new();
        public GroundingRailSettings Grounding { get; set; } = new();
        public RestrictedContentRailSettings RestrictedContent { get; set; } = new();
    }
}
