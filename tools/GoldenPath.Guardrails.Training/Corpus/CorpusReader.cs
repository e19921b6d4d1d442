using System.Text.Json;

namespace GoldenPath.Guardrails.Training;

/// <summary>
/// Reads every <c>*.jsonl</c> file of a corpus folder in ordinal name order. A line is one JSON object; blank lines
/// and lines starting with <c>#</c> are skipped. Every problem is collected before failing, so one run lists them all.
/// </summary>
internal static class CorpusReader
{
    private static readonly string[] s_fields = ["id", "text", "label", "category", "lang", "family", "split"];

    /// <exception cref="CorpusException">A line is malformed, or ids or families conflict across lines.</exception>
    public static IReadOnlyList<CorpusEntry> Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CorpusException([$"{directory}: the corpus folder does not exist. Fix: pass --corpus with the folder that holds the *.jsonl files."]);
        }

        var files = Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new CorpusException([$"{directory}: no *.jsonl files. Fix: pass --corpus with the folder that holds the corpus."]);
        }

        var entries = new List<CorpusEntry>();
        var errors = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                if (Parse(line, file, i + 1, out var error) is { } entry)
                {
                    entries.Add(entry);
                }
                else
                {
                    errors.Add(error!);
                }
            }
        }

        CheckAcrossLines(entries, errors);
        return errors.Count > 0 ? throw new CorpusException(errors) : entries;
    }

    private static CorpusEntry? Parse(string line, string file, int lineNumber, out string? error)
    {
        error = null;
        string Fail(string reason, string fix) => $"{file}({lineNumber}): {reason}. Fix: {fix}.";

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            error = Fail($"not valid JSON ({ex.Message.Split(" LineNumber")[0].TrimEnd('.', ' ')})", "write one complete JSON object per line");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = Fail("the line is not a JSON object", "write one {...} object per line");
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (Array.IndexOf(s_fields, property.Name) < 0)
                {
                    error = Fail($"unknown field \"{property.Name}\"", $"use only {string.Join(", ", s_fields)}");
                    return null;
                }

                if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
                {
                    error = Fail($"\"{property.Name}\" must be a non-empty string", $"give \"{property.Name}\" a string value");
                    return null;
                }

                values[property.Name] = property.Value.GetString()!;
            }

            if (s_fields.FirstOrDefault(f => !values.ContainsKey(f)) is { } missing)
            {
                error = Fail($"missing \"{missing}\"", $"every line needs {string.Join(", ", s_fields)}");
                return null;
            }

            var label = values["label"];
            if (label is not ("attack" or "benign"))
            {
                error = Fail($"label \"{label}\" is neither attack nor benign", "set \"label\" to \"attack\" or \"benign\"");
                return null;
            }

            var isAttack = label == "attack";
            var allowed = isAttack ? CorpusCategories.Attack : CorpusCategories.Benign;
            var category = values["category"];
            if (!allowed.Contains(category))
            {
                error = Fail($"category \"{category}\" is not a {label} category", $"use one of {string.Join(", ", allowed)}");
                return null;
            }

            var split = values["split"];
            if (split is not ("train" or "heldout"))
            {
                error = Fail($"split \"{split}\" is neither train nor heldout", "set \"split\" to \"train\" or \"heldout\"");
                return null;
            }

            return new CorpusEntry(values["id"], values["text"], isAttack, category, values["lang"], values["family"], split == "heldout", file, lineNumber);
        }
    }

    private static void CheckAcrossLines(List<CorpusEntry> entries, List<string> errors)
    {
        var ids = new Dictionary<string, CorpusEntry>(StringComparer.Ordinal);
        var families = new Dictionary<string, CorpusEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!ids.TryAdd(entry.Id, entry))
            {
                var first = ids[entry.Id];
                errors.Add($"{entry.File}({entry.Line}): id \"{entry.Id}\" is already used at {first.File}({first.Line}). Fix: give this line a new id.");
            }

            if (families.TryGetValue(entry.Family, out var sibling) && sibling.IsHeldOut != entry.IsHeldOut)
            {
                errors.Add(
                    $"{entry.File}({entry.Line}): family \"{entry.Family}\" is in both splits (see {sibling.File}({sibling.Line})). " +
                    "Fix: put every line of a family in the same split, so held-out texts are not paraphrases of training texts.");
            }
            else
            {
                families.TryAdd(entry.Family, entry);
            }
        }
    }
}
