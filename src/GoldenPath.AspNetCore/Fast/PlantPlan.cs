using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoldenPath.Retrieval;

namespace GoldenPath.AspNetCore.Fast;

/// <summary>A validated plant: the system-prompt lines and the documents, ids prefixed and ACLs spelled out.</summary>
internal sealed partial record PlantPlan(IReadOnlyList<string> SystemPromptLines, IReadOnlyList<AclDocument> Documents)
{
    /// <summary>Every planted id starts with this, so a plant can never replace a real document.</summary>
    public const string IdPrefix = "fast-";

    public const int MaxSystemPromptLines = 20;
    public const int MaxLineLength = 1_000;
    public const int MaxDocuments = 20;
    public const int MaxIdLength = 100;
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 16_000;
    public const int MaxGroups = 10;

    /// <summary>Validates <paramref name="request"/>; on failure <paramref name="errors"/> maps each bad field to what to fix.</summary>
    public static PlantPlan? TryCreate(PlantRequest request, FastHookOptions options, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var lines = ValidLines(request.SystemPrompt ?? [], errors);
        var documents = ValidDocuments(request.Documents ?? [], options, errors);
        if (errors.Count == 0 && lines.Count == 0 && documents.Count == 0)
        {
            errors["systemPrompt"] = ["Nothing to plant: send at least one systemPrompt line or one document."];
        }

        return errors.Count == 0 ? new PlantPlan(lines, documents) : null;
    }

    private static List<string> ValidLines(IReadOnlyList<string> lines, Dictionary<string, string[]> errors)
    {
        if (lines.Count > MaxSystemPromptLines)
        {
            errors["systemPrompt"] = [$"{lines.Count} lines; plant at most {MaxSystemPromptLines} at a time."];
            return [];
        }

        var valid = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"systemPrompt[{i}]";
            var line = lines[i]?.Trim();
            if (string.IsNullOrEmpty(line))
            {
                errors[field] = ["The line is empty; send the text with the canary in it."];
            }
            else if (line.Length > MaxLineLength)
            {
                errors[field] = [$"The line is {line.Length} characters long; keep it to {MaxLineLength} or fewer."];
            }
            else if (line.Any(char.IsControl))
            {
                // One line each: a line break would let one entry pose as several system-prompt instructions.
                errors[field] = ["The line contains line breaks or other control characters; send each line as its own entry."];
            }
            else
            {
                valid.Add(line);
            }
        }

        return valid;
    }

    private static List<AclDocument> ValidDocuments(IReadOnlyList<PlantDocumentRequest> documents, FastHookOptions options, Dictionary<string, string[]> errors)
    {
        if (documents.Count > MaxDocuments)
        {
            errors["documents"] = [$"{documents.Count} documents; plant at most {MaxDocuments} at a time."];
            return [];
        }

        var valid = new List<AclDocument>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var prefix = $"documents[{i}]";
            if (documents[i] is not { } document)
            {
                errors[prefix] = ["The document is null; send an object with id, title, text and groups."];
                continue;
            }

            var before = errors.Count;
            var id = Required(document.Id, $"{prefix}.id", MaxIdLength, errors);
            if (id is not null && !IdPattern().IsMatch(id))
            {
                errors[$"{prefix}.id"] = [$"'{id}' is not a valid id; use lower-case letters, digits, '.', '_' or '-', starting with a letter or digit."];
            }
            else if (id is not null && !ids.Add(id))
            {
                errors[$"{prefix}.id"] = [$"'{id}' appears twice in this request; give each document its own id."];
            }

            var title = Required(document.Title, $"{prefix}.title", MaxTitleLength, errors);
            var text = Required(document.Text, $"{prefix}.text", MaxTextLength, errors);
            var acl = Acl(document.Groups ?? [], prefix, options, errors);
            if (errors.Count == before)
            {
                try
                {
                    valid.Add(Build(IdPrefix + id, title!, text!, acl));
                }
                catch (DocumentRejectedException ex)
                {
                    errors[prefix] = [ex.Message];
                }
            }
        }

        return valid;
    }

    private static List<string> Acl(IReadOnlyList<string> groups, string prefix, FastHookOptions options, Dictionary<string, string[]> errors)
    {
        if (groups.Count > MaxGroups)
        {
            errors[$"{prefix}.groups"] = [$"{groups.Count} groups; a planted document needs at most {MaxGroups}."];
            return [];
        }

        if (groups.Count == 0)
        {
            return [options.UnrestrictedAudience];
        }

        var acl = new List<string>();
        for (var j = 0; j < groups.Count; j++)
        {
            var raw = groups[j]?.Trim() ?? string.Empty;

            // Corpus cases name groups bare ("hr"); explicit principals ("user:victim") pass through.
            var principal = raw.Contains(':', StringComparison.Ordinal) ? raw : "group:" + raw;
            try
            {
                acl.AddRange(PrincipalSet.From([principal]));
            }
            catch (ArgumentException ex)
            {
                errors[$"{prefix}.groups[{j}]"] = [$"{ex.Message} Use a group name such as hr, or user:<id> for one user's data."];
            }
        }

        return acl;
    }

    private static string? Required(string? value, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors[field] = ["Required; send a non-empty string."];
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            errors[field] = [$"{trimmed.Length} characters; keep it to {maxLength} or fewer."];
            return null;
        }

        return trimmed;
    }

    /// <summary>
    /// Goes through the same reader as ingested files, so a planted document is normalised, hashed and ACL-checked
    /// exactly like a real one.
    /// </summary>
    private static AclDocument Build(string id, string title, string text, IReadOnlyList<string> acl)
    {
        var json = JsonSerializer.Serialize(new { id, title, acl, content = text });
        return DocumentReader.Parse(json, string.Create(CultureInfo.InvariantCulture, $"fast-plant/{id}.json"));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
