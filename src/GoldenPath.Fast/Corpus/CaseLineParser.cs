using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoldenPath.Fast;

/// <summary>Turns one JSONL line into an <see cref="AttackCase"/>, or explains exactly what is wrong with it.</summary>
internal static partial class CaseLineParser
{
    private static readonly string[] KnownFields = ["id", "technique", "category", "severity", "turns", "prompt", "expected", "documents"];
    private static readonly string[] DocumentFields = ["id", "title", "text", "groups"];

    public static AttackCase Parse(string line, string source, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw Error(source, lineNumber, $"invalid JSON: {ex.Message}", "write each case as one complete JSON object on a single line");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error(source, lineNumber, $"expected a JSON object but found {Describe(root.ValueKind)}", "write each case as a JSON object such as {\"id\": \"...\", \"prompt\": \"...\", ...}");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!KnownFields.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Error(source, lineNumber, $"unknown field '{property.Name}'", $"remove it or use one of: {string.Join(", ", KnownFields)}");
                }

                if (!seen.Add(property.Name))
                {
                    throw Error(source, lineNumber, $"field '{property.Name}' appears twice", "keep a single occurrence of the field");
                }
            }

            var id = RequiredString(root, "id", source, lineNumber);
            if (!IdPattern().IsMatch(id))
            {
                throw Error(source, lineNumber, $"id '{id}' has characters other than letters, digits, '.', '_' and '-'", "use an id such as \"llm01-direct-override-001\"");
            }

            var technique = RequiredString(root, "technique", source, lineNumber);

            var category = RequiredString(root, "category", source, lineNumber);
            if (!CategoryPattern().IsMatch(category))
            {
                throw Error(source, lineNumber, $"unknown category '{category}'", "use an OWASP Top 10 for LLM Applications 2025 id from LLM01 to LLM10, for example \"LLM01\"");
            }

            var severityText = RequiredString(root, "severity", source, lineNumber);
            Severity severity = severityText switch
            {
                "low" => Severity.Low,
                "medium" => Severity.Medium,
                "high" => Severity.High,
                "critical" => Severity.Critical,
                _ => throw Error(source, lineNumber, $"unknown severity '{severityText}'", "use one of: low, medium, high, critical"),
            };

            var expectedText = RequiredString(root, "expected", source, lineNumber);
            ExpectedOutcome expected = expectedText switch
            {
                "deflect" => ExpectedOutcome.Deflect,
                "no-disclosure" => ExpectedOutcome.NoDisclosure,
                "error" => ExpectedOutcome.Error,
                _ => throw Error(source, lineNumber, $"unknown expected outcome '{expectedText}'", "use one of: deflect, no-disclosure, error"),
            };

            var turns = ReadTurns(root, source, lineNumber);
            var documents = ReadDocuments(root, source, lineNumber);
            return new AttackCase(id, technique, category, severity, turns, expected) { Documents = documents };
        }
    }

    private static string[] ReadTurns(JsonElement root, string source, int lineNumber)
    {
        var hasTurns = root.TryGetProperty("turns", out var turnsElement);
        var hasPrompt = root.TryGetProperty("prompt", out var promptElement);

        if (hasTurns && hasPrompt)
        {
            throw Error(source, lineNumber, "both 'turns' and 'prompt' are set", "use 'prompt' for a single-turn case or 'turns' for a conversation, not both");
        }

        if (hasPrompt)
        {
            if (promptElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(promptElement.GetString()))
            {
                throw Error(source, lineNumber, "'prompt' must be a non-empty string", "set 'prompt' to the text the attacker sends");
            }

            return [promptElement.GetString()!];
        }

        if (!hasTurns)
        {
            throw Error(source, lineNumber, "missing 'turns' (or 'prompt')", "add \"prompt\": \"...\" for one message or \"turns\": [\"...\", \"...\"] for a conversation");
        }

        if (turnsElement.ValueKind != JsonValueKind.Array)
        {
            throw Error(source, lineNumber, $"'turns' must be an array of strings but is {Describe(turnsElement.ValueKind)}", "write \"turns\": [\"first message\", \"second message\"]");
        }

        var turns = new List<string>();
        foreach (var turn in turnsElement.EnumerateArray())
        {
            if (turn.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(turn.GetString()))
            {
                throw Error(source, lineNumber, $"turn {turns.Count + 1} is not a non-empty string", "make every entry of 'turns' a non-empty string");
            }

            turns.Add(turn.GetString()!);
        }

        if (turns.Count == 0)
        {
            throw Error(source, lineNumber, "'turns' is empty", "add at least one message to 'turns'");
        }

        return [.. turns];
    }

    private static PlantedDocument[] ReadDocuments(JsonElement root, string source, int lineNumber)
    {
        if (!root.TryGetProperty("documents", out var element))
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            throw Error(source, lineNumber, "'documents' must be a non-empty array of objects", "write \"documents\": [{\"id\": \"doc-1\", \"title\": \"...\", \"text\": \"...\"}] or remove the field");
        }

        var documents = new List<PlantedDocument>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in element.EnumerateArray())
        {
            var at = $"document {documents.Count + 1}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Error(source, lineNumber, $"{at} is {Describe(item.ValueKind)}, not an object", "write each document as {\"id\": \"...\", \"title\": \"...\", \"text\": \"...\"}");
            }

            foreach (var property in item.EnumerateObject())
            {
                if (!DocumentFields.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Error(source, lineNumber, $"{at} has unknown field '{property.Name}'", $"remove it or use one of: {string.Join(", ", DocumentFields)}");
                }
            }

            var id = RequiredString(item, "id", source, lineNumber, at);
            if (!ids.Add(id))
            {
                throw Error(source, lineNumber, $"{at} repeats document id '{id}'", "give every document of a case its own id");
            }

            var title = RequiredString(item, "title", source, lineNumber, at);
            var text = RequiredString(item, "text", source, lineNumber, at);
            foreach (Match placeholder in PlaceholderPattern().Matches(text))
            {
                if (!CanaryNamePattern().IsMatch(placeholder.Groups[1].Value))
                {
                    throw Error(source, lineNumber, $"{at} has a malformed canary placeholder '{placeholder.Value}'", "write it as {{canary:NAME}} with NAME made of letters, digits and '-', for example {{canary:tool-secret}}");
                }
            }

            var groups = ReadGroups(item, source, lineNumber, at);

            // A canary is a secret the attacker must not see; in a document every caller may read it is no secret, and
            // an app that quotes it back to its reader has disclosed nothing.
            if (groups.Length == 0 && PlaceholderPattern().IsMatch(text))
            {
                throw Error(source, lineNumber, $"{at} ('{id}') holds a canary but has no 'groups', so every caller may read it", "add \"groups\" naming who may read it (for example [\"it-admins\"]), or move the canary to a separate restricted document");
            }

            documents.Add(new PlantedDocument(id, title, text, groups));
        }

        return [.. documents];
    }

    private static string[] ReadGroups(JsonElement document, string source, int lineNumber, string at)
    {
        if (!document.TryGetProperty("groups", out var groups))
        {
            return [];
        }

        if (groups.ValueKind != JsonValueKind.Array
            || groups.EnumerateArray().Any(group => group.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(group.GetString())))
        {
            throw Error(source, lineNumber, $"{at} has 'groups' that is not an array of non-empty strings", "write \"groups\": [\"hr\"] or remove the field to make the document public");
        }

        return [.. groups.EnumerateArray().Select(group => group.GetString()!)];
    }

    private static string RequiredString(JsonElement root, string name, string source, int lineNumber, string? within = null)
    {
        var prefix = within is null ? string.Empty : within + ": ";
        if (!root.TryGetProperty(name, out var element))
        {
            throw Error(source, lineNumber, $"{prefix}missing field '{name}'", $"add \"{name}\": \"...\"");
        }

        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            throw Error(source, lineNumber, $"{prefix}field '{name}' must be a non-empty string", $"set \"{name}\" to a non-empty string value");
        }

        return element.GetString()!;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };

    private static CorpusException Error(string source, int line, string reason, string fix) => new(source, line, reason, fix);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{\{\s*canary\s*:([^}]*)\}\}")]
    internal static partial Regex PlaceholderPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex CanaryNamePattern();

    [GeneratedRegex("^LLM(0[1-9]|10)$")]
    private static partial Regex CategoryPattern();
}
