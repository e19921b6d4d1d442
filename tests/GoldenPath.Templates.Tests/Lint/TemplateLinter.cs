using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GoldenPath.Templates.Tests.Lint;

/// <summary>
/// Validates a template folder against the template.json features the pack uses: known keys, valid symbol types,
/// datatypes, generators and forms, conditions that name defined symbols (in template.json and in <c>#if</c> lines
/// of the files), post-actions with ids, and sources, outputs and replacement tokens that exist.
/// </summary>
public static partial class TemplateLinter
{
    public static IReadOnlyList<LintError> Lint(string templateDirectory)
    {
        var configPath = Path.Combine(templateDirectory, ".template.config", "template.json");
        var errors = new List<LintError>();
        if (!File.Exists(configPath))
        {
            return [new LintError(configPath, null, "missing template.json")];
        }

        var text = File.ReadAllText(configPath);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false })?.AsObject()
                ?? throw new JsonException("template.json is empty");
        }
        catch (JsonException exception)
        {
            return [new LintError(configPath, (int?)exception.LineNumber + 1, $"not valid JSON: {exception.Message}")];
        }

        var report = new Reporter(configPath, text, errors);
        var symbols = root["symbols"] as JsonObject ?? [];
        var symbolNames = new HashSet<string>(symbols.Select(s => s.Key), StringComparer.Ordinal);
        var forms = root["forms"] as JsonObject ?? [];

        foreach (var (key, _) in root)
        {
            if (!TemplateSchema.RootKeys.Contains(key))
            {
                report.At(key, $"unknown top-level key '{key}'");
            }
        }

        foreach (var required in new[] { "identity", "name", "shortName", "sourceName" })
        {
            if (root[required] is null)
            {
                report.Add($"required key '{required}' is missing");
            }
        }

        LintSymbols(symbols, symbolNames, forms, report);
        LintForms(forms, report);
        LintSources(root["sources"] as JsonArray, templateDirectory, symbolNames, report);
        LintPostActions(root["postActions"] as JsonArray, symbolNames, report);
        LintPrimaryOutputs(root["primaryOutputs"] as JsonArray, templateDirectory, symbolNames, report);
        LintHostFile(templateDirectory, symbolNames, errors);

        var files = TemplateFiles(templateDirectory).ToList();
        LintFileConditions(files, templateDirectory, symbolNames, errors);
        LintReplacements(symbols, files, report);
        return errors;
    }

    private static void LintSymbols(JsonObject symbols, HashSet<string> symbolNames, JsonObject forms, Reporter report)
    {
        foreach (var (name, node) in symbols)
        {
            if (node is not JsonObject symbol)
            {
                report.At(name, $"symbol '{name}' must be an object");
                continue;
            }

            var type = (string?)symbol["type"];
            if (type is null || !TemplateSchema.SymbolKeys.TryGetValue(type, out var allowed))
            {
                report.At(name, $"symbol '{name}' has type '{type}'; use one of {string.Join(", ", TemplateSchema.SymbolKeys.Keys)}");
                continue;
            }

            foreach (var (key, _) in symbol)
            {
                if (!allowed.Contains(key))
                {
                    report.At(key, $"symbol '{name}' ({type}) has unknown key '{key}'");
                }
            }

            if ((string?)symbol["datatype"] is { } datatype && !TemplateSchema.Datatypes.Contains(datatype))
            {
                report.At(datatype, $"symbol '{name}' has unknown datatype '{datatype}'");
            }

            switch (type)
            {
                case "parameter" when (string?)symbol["datatype"] == "choice":
                    var choices = (symbol["choices"] as JsonArray)?.Select(c => (string?)c?["choice"]).ToList() ?? [];
                    if (choices.Count == 0)
                    {
                        report.At(name, $"choice parameter '{name}' has no choices");
                    }
                    else if ((string?)symbol["defaultValue"] is { } defaultChoice && !choices.Contains(defaultChoice))
                    {
                        report.At(name, $"choice parameter '{name}' defaults to '{defaultChoice}', which is not one of its choices");
                    }

                    break;
                case "computed":
                    foreach (var problem in ConditionExpression.Problems((string?)symbol["value"] ?? string.Empty, symbolNames))
                    {
                        report.At(name, $"computed symbol '{name}': {problem}");
                    }

                    break;
                case "generated":
                    var generator = (string?)symbol["generator"];
                    if (generator is null || !TemplateSchema.Generators.Contains(generator))
                    {
                        report.At(name, $"generated symbol '{name}' has unknown generator '{generator}'");
                    }

                    break;
                case "derived":
                    var source = (string?)symbol["valueSource"];
                    if (source is null || (source != "name" && !symbolNames.Contains(source)))
                    {
                        report.At(name, $"derived symbol '{name}' takes its value from '{source}', which is not 'name' or a defined symbol");
                    }

                    var transform = (string?)symbol["valueTransform"];
                    if (transform is null || (!forms.ContainsKey(transform) && !TemplateSchema.FormIdentifiers.Contains(transform)))
                    {
                        report.At(name, $"derived symbol '{name}' uses form '{transform}', which is not defined in 'forms'");
                    }

                    break;
            }
        }
    }

    private static void LintForms(JsonObject forms, Reporter report)
    {
        foreach (var (name, node) in forms)
        {
            var identifier = (string?)node?["identifier"];
            if (identifier is null || !TemplateSchema.FormIdentifiers.Contains(identifier))
            {
                report.At(name, $"form '{name}' has unknown identifier '{identifier}'");
            }

            if (identifier == "replace" && (node?["pattern"] is null || node["replacement"] is null))
            {
                report.At(name, $"replace form '{name}' needs 'pattern' and 'replacement'");
            }
        }
    }

    private static void LintSources(JsonArray? sources, string templateDirectory, HashSet<string> symbolNames, Reporter report)
    {
        foreach (var source in sources?.OfType<JsonObject>() ?? [])
        {
            ReportUnknownKeys(source, TemplateSchema.SourceKeys, "source", report);
            var path = (string?)source["source"] ?? "./";
            if (!Directory.Exists(Path.GetFullPath(path, templateDirectory)))
            {
                report.At(path, $"source '{path}' does not exist relative to {templateDirectory}");
            }

            foreach (var modifier in (source["modifiers"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                ReportUnknownKeys(modifier, TemplateSchema.ModifierKeys, "source modifier", report);
                CheckCondition(modifier, "source modifier", symbolNames, report);
            }
        }
    }

    private static void LintPostActions(JsonArray? postActions, HashSet<string> symbolNames, Reporter report)
    {
        foreach (var action in postActions?.OfType<JsonObject>() ?? [])
        {
            ReportUnknownKeys(action, TemplateSchema.PostActionKeys, "post-action", report);
            if (string.IsNullOrWhiteSpace((string?)action["id"]))
            {
                report.At((string?)action["actionId"] ?? "postActions", "every post-action needs an 'id'");
            }

            if (!Guid.TryParse((string?)action["actionId"], out _))
            {
                report.At("actionId", $"post-action '{(string?)action["id"]}' needs an 'actionId' GUID");
            }

            CheckCondition(action, "post-action", symbolNames, report);
        }
    }

    private static void LintPrimaryOutputs(JsonArray? outputs, string templateDirectory, HashSet<string> symbolNames, Reporter report)
    {
        foreach (var output in outputs?.OfType<JsonObject>() ?? [])
        {
            ReportUnknownKeys(output, TemplateSchema.PrimaryOutputKeys, "primary output", report);
            var path = (string?)output["path"];
            if (path is null || !File.Exists(Path.Combine(templateDirectory, path)))
            {
                report.At(path ?? "primaryOutputs", $"primary output '{path}' does not exist in the template");
            }

            CheckCondition(output, "primary output", symbolNames, report);
        }
    }

    private static void LintHostFile(string templateDirectory, HashSet<string> symbolNames, List<LintError> errors)
    {
        var hostPath = Path.Combine(templateDirectory, ".template.config", "dotnetcli.host.json");
        if (!File.Exists(hostPath))
        {
            return;
        }

        var text = File.ReadAllText(hostPath);
        var report = new Reporter(hostPath, text, errors);
        try
        {
            foreach (var (name, _) in JsonNode.Parse(text)?["symbolInfo"] as JsonObject ?? [])
            {
                if (!symbolNames.Contains(name))
                {
                    report.At(name, $"symbolInfo names '{name}', which is not a symbol in template.json");
                }
            }
        }
        catch (JsonException exception)
        {
            errors.Add(new LintError(hostPath, (int?)exception.LineNumber + 1, $"not valid JSON: {exception.Message}"));
        }
    }

    private static void LintFileConditions(IEnumerable<string> files, string templateDirectory, HashSet<string> symbolNames, List<LintError> errors)
    {
        foreach (var file in files.Where(f => TemplateSchema.ConditionalExtensions.Contains(Path.GetExtension(f))))
        {
            var lines = File.ReadAllLines(file);
            var open = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Directive().Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }

                var keyword = match.Groups["keyword"].Value;
                var relative = Path.GetRelativePath(templateDirectory, file);
                if (keyword == "if") { open++; }
                if (keyword == "endif" && --open < 0)
                {
                    errors.Add(new LintError(relative, i + 1, "#endif without #if"));
                    open = 0;
                }

                if (keyword is "if" or "elif" or "elseif")
                {
                    foreach (var problem in ConditionExpression.Problems(match.Groups["expression"].Value, symbolNames))
                    {
                        errors.Add(new LintError(relative, i + 1, problem));
                    }
                }
            }

            if (open > 0)
            {
                errors.Add(new LintError(Path.GetRelativePath(templateDirectory, file), lines.Length, $"{open} #if block(s) never closed"));
            }
        }
    }

    private static void LintReplacements(JsonObject symbols, List<string> files, Reporter report)
    {
        var contents = files.Select(f => Path.GetRelativePath(".", f) + "\n" + File.ReadAllText(f)).ToList();
        foreach (var (name, node) in symbols)
        {
            if ((string?)node?["replaces"] is { Length: > 0 } token && !contents.Any(c => c.Contains(token, StringComparison.Ordinal)))
            {
                report.At(name, $"symbol '{name}' replaces '{token}', which appears in no template file");
            }
        }
    }

    private static void CheckCondition(JsonObject node, string owner, HashSet<string> symbolNames, Reporter report)
    {
        if ((string?)node["condition"] is { } condition)
        {
            foreach (var problem in ConditionExpression.Problems(condition, symbolNames))
            {
                report.At(condition, $"{owner}: {problem}");
            }
        }
    }

    private static void ReportUnknownKeys(JsonObject node, HashSet<string> allowed, string owner, Reporter report)
    {
        foreach (var (key, _) in node)
        {
            if (!allowed.Contains(key))
            {
                report.At(key, $"{owner} has unknown key '{key}'");
            }
        }
    }

    private static IEnumerable<string> TemplateFiles(string templateDirectory) =>
        Directory.EnumerateFiles(templateDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(templateDirectory, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or ".template.config"));

    // C#-style (#if), comment-style (//#if, <!--#if, ##if) conditions, as the template engine reads them.
    [GeneratedRegex(@"^\s*(?://|<!--|##|@\*)?\s*#(?<keyword>if|elif|elseif|else|endif)\b(?<expression>[^\r\n]*?)(?:-->|\*@)?\s*$")]
    private static partial Regex Directive();

    /// <summary>Reports against a line found by searching the file for the offending text.</summary>
    private sealed class Reporter(string file, string text, List<LintError> errors)
    {
        public void Add(string message) => errors.Add(new LintError(file, null, message));

        public void At(string needle, string message)
        {
            var index = text.IndexOf($"\"{needle}\"", StringComparison.Ordinal);
            int? line = index < 0 ? null : text.AsSpan(0, index).Count('\n') + 1;
            errors.Add(new LintError(file, line, message));
        }
    }
}
