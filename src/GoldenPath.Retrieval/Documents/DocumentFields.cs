using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GoldenPath.Retrieval;

/// <summary>
/// Front-matter or JSON fields as read, each with the line it came from, validated into an <see cref="AclDocument"/>
/// by one set of rules whatever the file format.
/// </summary>
internal sealed partial class DocumentFields(string source, int headerLine, string keyHint)
{
    internal const string DefaultClassification = "internal";

    internal (string Value, int Line)? Id { get; set; }

    internal (string Value, int Line)? Title { get; set; }

    /// <summary>Null when the key is absent; an empty list when present but empty.</summary>
    internal List<(string Value, int Line)>? Acl { get; set; }

    internal int AclLine { get; set; }

    internal (string Value, int Line)? Classification { get; set; }

    internal string? Content { get; set; }

    internal int ContentLine { get; set; }

    internal (AclDocument Document, int IdLine) Build()
    {
        if (Id is not { } id || string.IsNullOrWhiteSpace(id.Value))
        {
            throw Reject(Id?.Line ?? headerLine, $"missing `id`; add {Example("id", "travel-policy")} {Where} (lower-case letters, digits, '.', '_' or '-')");
        }

        var idValue = id.Value.Trim();
        if (!IdPattern().IsMatch(idValue))
        {
            throw Reject(id.Line, $"id '{idValue}' is invalid; use lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, for example {Example("id", "travel-policy")}");
        }

        if (Title is not { } title || string.IsNullOrWhiteSpace(title.Value))
        {
            throw Reject(Title?.Line ?? headerLine, $"missing `title`; add {Example("title", "Travel policy")} {Where}");
        }

        if (Acl is null)
        {
            throw Reject(headerLine, $"missing `acl`; add {Example("acl", "[group:employees]")} {Where}; deny-by-default means a document without an ACL is never indexed");
        }

        if (Acl.Count == 0)
        {
            throw Reject(AclLine, $"`acl` is empty; list who may read it, for example {Example("acl", "[group:employees]")}; deny-by-default means a document nobody may read is never indexed");
        }

        var acl = new List<string>(Acl.Count);
        foreach (var (value, line) in Acl)
        {
            var error = Principal.TryNormalize(value, out var normalized);
            if (error is not null)
            {
                throw Reject(line, $"invalid principal in `acl`: {error}");
            }

            if (!acl.Contains(normalized, StringComparer.Ordinal))
            {
                acl.Add(normalized);
            }
        }

        var classification = DefaultClassification;
        if (Classification is { } given)
        {
            classification = given.Value.Trim().ToLowerInvariant();
            if (!ClassificationPattern().IsMatch(classification))
            {
                throw Reject(given.Line, $"classification '{given.Value}' is invalid; use a single word such as {Example("classification", "confidential")}, or leave it out for '{DefaultClassification}'");
            }
        }

        var content = NormalizeContent(Content ?? string.Empty);
        if (content.Length == 0)
        {
            throw Reject(ContentLine, "the document has no content; write the text after the front matter (JSON: a non-empty \"content\")");
        }

        var document = new AclDocument(idValue, title.Value.Trim(), content, acl.AsReadOnly(), source, classification, HashContent(content));
        return (document, id.Line);
    }

    internal DocumentRejectedException Reject(int? line, string reason) => new(source, line, reason);

    /// <summary>Line endings are normalized so a checkout with CRLF hashes the same as one with LF.</summary>
    internal static string NormalizeContent(string content) =>
        content.ReplaceLineEndings("\n").Trim();

    internal static string HashContent(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    internal static bool IsValidId(string id) => IdPattern().IsMatch(id);

    private string Where => keyHint == "json" ? "to the JSON object" : "to the front matter";

    private string Example(string key, string value) =>
        keyHint == "json" ? $"`\"{key}\": {JsonExample(value)}`" : $"`{key}: {value}`";

    private static string JsonExample(string value) =>
        value.StartsWith('[') ? "[\"" + value.Trim('[', ']') + "\"]" : "\"" + value + "\"";

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassificationPattern();
}
