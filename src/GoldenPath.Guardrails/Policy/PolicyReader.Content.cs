using System.Text.Json;

namespace GoldenPath.Guardrails;

/// <summary>Sections of the content rails: token limit, context overflow, denied topics, leaks, grounding, restricted content.</summary>
internal ref partial struct PolicyReader
{
    private TokenLimitRailSettings ReadTokenLimit()
    {
        const string Rail = "rails.tokenLimit";
        var settings = new TokenLimitRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "action" => settings with { Action = ReadAction(name, line, RailAction.Allow, RailAction.Flag, RailAction.Block) },
                "maxTokens" => settings with { MaxTokens = ReadInt(name, line, min: 1) },
                "encoding" => settings with { Encoding = ReadEncoding(name, line) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "action", "maxTokens", "encoding"]),
            };
        }

        return settings;
    }

    private string ReadEncoding(string name, long line)
    {
        var value = ReadString(name, line);
        foreach (var known in TokenLimitRailSettings.Encodings)
        {
            if (string.Equals(value, known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        var choices = string.Join(", ", TokenLimitRailSettings.Encodings.Select(e => $"\"{e}\""));
        throw Error(line, $"\"{name}\" has the unknown encoding \"{value}\".", $"Use one of {choices} (the encoding of the model you call).");
    }

    private ContextOverflowRailSettings ReadContextOverflow()
    {
        const string Rail = "rails.contextOverflow";
        var settings = new ContextOverflowRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "action" => settings with { Action = ReadAction(name, line, RailAction.Allow, RailAction.Flag, RailAction.Redact, RailAction.Block) },
                "minFillerCharacters" => settings with { MinFillerCharacters = ReadInt(name, line, min: 256) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "action", "minFillerCharacters"]),
            };
        }

        return settings;
    }

    private DeniedTopicsRailSettings ReadDeniedTopics()
    {
        const string Rail = "rails.deniedTopics";
        var settings = new DeniedTopicsRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "action" => settings with { Action = ReadAction(name, line) },
                "outputAction" => settings with { OutputAction = ReadAction(name, line) },
                "topics" => settings with { Topics = ReadTopics(name, line) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "action", "outputAction", "topics"]),
            };
        }

        return settings;
    }

    private List<DeniedTopic> ReadTopics(string name, long line)
    {
        ReadValue();
        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(name, line, "an array of topics", "[ { \"name\": \"medical-diagnosis\", \"keywords\": [\"diagnose\"] } ]");
        }

        var topics = new List<DeniedTopic>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            ReadValue();
            if (_reader.TokenType == JsonTokenType.EndArray)
            {
                return topics;
            }

            var topicLine = CurrentLine();
            ExpectStartObject($"topic {topics.Count + 1} of rails.deniedTopics.topics", topicLine);
            var (topic, nameLine) = ReadTopic(topicLine);
            if (!names.Add(topic.Name))
            {
                throw Error(nameLine, $"The topic \"{topic.Name}\" is defined twice in rails.deniedTopics.topics.", "Merge the two topics or give one of them another name.");
            }

            topics.Add(topic);
        }
    }

    private (DeniedTopic Topic, long NameLine) ReadTopic(long topicLine)
    {
        const string Where = "a topic of rails.deniedTopics.topics";
        string? topicName = null;
        long nameLine = topicLine;
        List<string> keywords = [];
        List<string> examples = [];
        var threshold = 0.35;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Where, line);
            switch (name)
            {
                case "name":
                    topicName = ReadString(name, line).Trim();
                    nameLine = line;
                    if (!IsTopicName(topicName))
                    {
                        throw Error(
                            line,
                            topicName.Length == 0 ? "The topic name is empty." : $"The topic name \"{topicName}\" contains characters other than letters, digits, '-', '_' and '.'.",
                            "Name the topic with a short label such as \"medical-diagnosis\"; it becomes part of the finding's category.");
                    }

                    break;
                case "keywords":
                    keywords = ReadPhrases(name, line, folded: true);
                    break;
                case "examples":
                    examples = ReadPhrases(name, line, folded: false);
                    break;
                case "threshold":
                    threshold = ReadNumber(name, line, min: 0.05, max: 1);
                    break;
                default:
                    throw UnknownKey(name, Where, line, ["name", "keywords", "examples", "threshold"]);
            }
        }

        if (topicName is null)
        {
            throw Error(topicLine, "A topic has no \"name\".", "Add \"name\": \"medical-diagnosis\" (a short label, unique in the policy).");
        }

        if (keywords.Count == 0 && examples.Count == 0)
        {
            throw Error(
                nameLine,
                $"The topic \"{topicName}\" has neither \"keywords\" nor \"examples\", so it can never match.",
                "Add \"keywords\" that name the topic, \"examples\" of requests on it, or both.");
        }

        return (new DeniedTopic(topicName, keywords, examples, threshold), nameLine);
    }

    /// <summary>Reads an array of non-empty strings; keywords must keep a letter or digit once normalized, or they could never match.</summary>
    private List<string> ReadPhrases(string name, long line, bool folded)
    {
        ReadValue();
        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(name, line, "an array of strings", "[\"...\"]");
        }

        var phrases = new List<string>();
        while (true)
        {
            ReadValue();
            if (_reader.TokenType == JsonTokenType.EndArray)
            {
                return phrases;
            }

            var itemLine = CurrentLine();
            if (_reader.TokenType != JsonTokenType.String)
            {
                throw Error(itemLine, $"\"{name}\" must contain only strings but has {Describe(_reader.TokenType)}.", $"Write every entry of \"{name}\" in quotes.");
            }

            var value = _reader.GetString()!.Trim();
            var check = folded ? TextNormalizer.Fold(value) : value;
            if (!check.AsSpan().ContainsAnyExcept(" \t\r\n.,;:!?-_'\"()[]"))
            {
                throw Error(itemLine, $"\"{name}\" has an entry with no letters or digits.", "Remove the entry or write the word or phrase it should match.");
            }

            phrases.Add(value);
        }
    }

    private static bool IsTopicName(string name)
    {
        if (name.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private SystemPromptLeakRailSettings ReadSystemPromptLeak()
    {
        const string Rail = "rails.systemPromptLeak";
        var settings = new SystemPromptLeakRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "action" => settings with { Action = ReadAction(name, line) },
                "ngram" => settings with { NGram = ReadIntInRange(name, line, min: 3, max: 32) },
                "threshold" => settings with { Threshold = ReadNumber(name, line, min: 0.01, max: 1) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "action", "ngram", "threshold"]),
            };
        }

        return settings;
    }

    private GroundingRailSettings ReadGrounding()
    {
        const string Rail = "rails.grounding";
        var settings = new GroundingRailSettings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(out var name, out var line))
        {
            EnsureFirst(seen, name, Rail, line);
            settings = name switch
            {
                "enabled" => settings with { Enabled = ReadBool(name, line) },
                "mode" => settings with { Mode = ReadMode(name, line) },
                "action" => settings with { Action = ReadAction(name, line) },
                "minSupport" => settings with { MinSupport = ReadNumber(name, line, min: 0.01, max: 1) },
                _ => throw UnknownKey(name, Rail, line, ["enabled", "mode", "action", "minSupport"]),
            };
        }

        return settings;
    }

    private RestrictedContentRailSettings ReadRestrictedContent()
    {
        const string Rail = "rails.restrictedContent";
        var settings = new RestrictedContentRailSettings();
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

    private int ReadIntInRange(string name, long line, int min, int max)
    {
        var value = ReadInt(name, line, min);
        return value <= max
            ? value
            : throw Error(line, $"\"{name}\" is {value}, above the maximum of {max}.", $"Use a value from {min} to {max}.");
    }
}
