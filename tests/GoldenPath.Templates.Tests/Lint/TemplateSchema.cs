namespace GoldenPath.Templates.Tests.Lint;

/// <summary>
/// The subset of the template.json format this pack may use. Anything outside it is reported, because the
/// template engine ignores unknown keys and values silently.
/// </summary>
internal static class TemplateSchema
{
    public static readonly HashSet<string> RootKeys =
    [
        "$schema", "author", "classifications", "identity", "groupIdentity", "name", "description", "shortName",
        "sourceName", "defaultName", "preferNameDirectory", "preferDefaultName", "tags", "symbols", "forms", "sources",
        "primaryOutputs", "postActions", "guids", "precedence", "constraints", "thirdPartyNotices", "generatorVersions",
        "placeholderFilename",
    ];

    public static readonly Dictionary<string, HashSet<string>> SymbolKeys = new()
    {
        ["parameter"] =
        [
            "type", "datatype", "defaultValue", "defaultIfOptionWithoutValue", "replaces", "description", "displayName",
            "choices", "isRequired", "fileRename", "onlyIf", "forms", "isEnabled", "allowMultipleValues", "enableQuotelessLiterals",
        ],
        ["computed"] = ["type", "value", "datatype", "evaluator"],
        ["derived"] = ["type", "valueSource", "valueTransform", "replaces", "fileRename", "description", "defaultValue", "datatype", "onlyIf"],
        ["generated"] = ["type", "generator", "parameters", "replaces", "fileRename", "datatype", "onlyIf"],
        ["bind"] = ["type", "binding", "defaultValue", "replaces", "onlyIf", "fileRename"],
    };

    public static readonly HashSet<string> Datatypes = ["text", "string", "bool", "boolean", "choice", "int", "integer", "float", "hex"];

    public static readonly HashSet<string> Generators =
        ["casing", "coalesce", "constant", "port", "guid", "now", "random", "regex", "regexMatch", "switch", "join"];

    public static readonly HashSet<string> FormIdentifiers =
    [
        "identity", "lowerCase", "upperCase", "firstLowerCase", "firstUpperCase", "kebabCase", "titleCase", "safe_name",
        "safe_namespace", "lower_safe_name", "lower_safe_namespace", "replace", "chain", "xmlEncode", "jsonEncode",
    ];

    public static readonly HashSet<string> SourceKeys = ["source", "target", "include", "exclude", "copyOnly", "rename", "modifiers", "condition"];

    public static readonly HashSet<string> ModifierKeys = ["condition", "include", "exclude", "copyOnly", "rename"];

    public static readonly HashSet<string> PostActionKeys =
        ["id", "condition", "description", "manualInstructions", "actionId", "args", "continueOnError", "applyFileRenamesToArgs", "applyFileRenamesToManualInstructions"];

    public static readonly HashSet<string> PrimaryOutputKeys = ["path", "condition"];

    /// <summary>Files where <c>#if</c>-style lines are template conditions.</summary>
    public static readonly HashSet<string> ConditionalExtensions =
        [".cs", ".csproj", ".props", ".targets", ".json", ".slnx", ".xml", ".config", ".yml", ".yaml", ".md", ".razor", ".cshtml", ".js", ".css"];
}
