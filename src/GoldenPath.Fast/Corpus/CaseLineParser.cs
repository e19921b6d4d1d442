using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoldenPath.Fast;

/// <summary>Turns one JSONL line into an <see cref="AttackCase"/>, or explains exactly what is wrong with it.</summary>
internal static partial class CaseLineParser
{
    private static readonly string[] KnownFields = ["id", "technique", "category", "severity", "turns", "prompt", "expected"];

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
            return new AttackCase(id, technique, category, severity, turns, expected);
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

    private static string RequiredString(JsonElement root, string name, string source, int lineNumber)
    {
        if (!root.TryGetProperty(name, out var element))
        {
            throw Error(source, lineNumber, $"missing field '{name}'", $"add \"{name}\": \"...\"");
        }

        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            throw Error(source, lineNumber, $"field '{name}' must be a non-empty string", $"set \"{name}\" to a non-empty string value");
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

    [GeneratedRegex("^LLM(0[1-9]|10)$")]
    private static partial Regex CategoryPattern();
}
