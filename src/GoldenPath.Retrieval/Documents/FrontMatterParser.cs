using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GoldenPath.Retrieval;

/// <summary>Reads Markdown or text with YAML front matter between <c>---</c> lines.</summary>
internal static class FrontMatterParser
{
    private const string YamlFix = "write one `key: value` per line, close every [ ] list, and quote values that contain ': ' or start with a special character";

    private const string Template = "start the file with a front matter block: a `---` line, `id: ...`, `title: ...`, `acl: [group:employees]`, then a closing `---` line";

    internal static (AclDocument Document, int IdLine) Parse(string text, string source)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var fields = new DocumentFields(source, headerLine: 1, keyHint: "yaml");

        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            throw fields.Reject(1, $"no front matter, so there is no ACL and the document is never indexed (deny-by-default); {Template}");
        }

        var close = -1;
        for (var i = 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimEnd();
            if (trimmed is "---" or "...")
            {
                close = i;
                break;
            }
        }

        if (close < 0)
        {
            throw fields.Reject(1, "the front matter opened here is never closed; add a `---` line after the last front-matter key");
        }

        ReadYaml(string.Join('\n', lines, 1, close - 1), fields);

        fields.Content = string.Join('\n', lines, close + 1, lines.Length - close - 1);
        fields.ContentLine = close + 2;
        return fields.Build();
    }

    private static void ReadYaml(string yaml, DocumentFields fields)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw fields.Reject(FileLine(ex.Start), $"the front matter is not valid YAML ({FirstLine(ex)}); {YamlFix}");
        }
        catch (InvalidOperationException)
        {
            // Some malformed flow collections trip the YAML scanner without a position; still a rejection, not a crash.
            throw fields.Reject(1, $"the front matter is not valid YAML (an unterminated [ ] or {{ }} list is a common cause); {YamlFix}");
        }

        if (stream.Documents.Count == 0)
        {
            return;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw fields.Reject(FileLine(stream.Documents[0].RootNode.Start), "the front matter must be `key: value` lines (id, title, acl, classification)");
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "id":
                    fields.Id = Scalar(fields, key, valueNode);
                    break;
                case "title":
                    fields.Title = Scalar(fields, key, valueNode);
                    break;
                case "classification":
                    fields.Classification = Scalar(fields, key, valueNode);
                    break;
                case "acl":
                    fields.AclLine = FileLine(valueNode.Start);
                    fields.Acl = Principals(fields, valueNode);
                    break;
                default:
                    // Other keys (tags, owner, ...) belong to other tools; they are not ours to reject.
                    break;
            }
        }
    }

    private static (string, int) Scalar(DocumentFields fields, string key, YamlNode node)
    {
        if (node is not YamlScalarNode scalar)
        {
            throw fields.Reject(FileLine(node.Start), $"`{key}` must be a single value, for example `{key}: ...` on one line");
        }

        return (IsNull(scalar) ? string.Empty : scalar.Value!, FileLine(node.Start));
    }

    private static List<(string, int)> Principals(DocumentFields fields, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar when IsNull(scalar):
                return [];
            case YamlSequenceNode sequence:
                var principals = new List<(string, int)>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                {
                    if (item is not YamlScalarNode principal)
                    {
                        throw fields.Reject(FileLine(item.Start), "each `acl` entry must be a single principal such as group:employees");
                    }

                    principals.Add((principal.Value ?? string.Empty, FileLine(item.Start)));
                }

                return principals;
            default:
                throw fields.Reject(FileLine(node.Start), "`acl` must be a list: write `acl: [group:employees, role:hr]` or one `- group:employees` line per principal");
        }
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    // The YAML text starts on the line after the opening `---`, and YamlDotNet counts lines from 1.
    private static int FileLine(Mark mark) => (int)mark.Line + 1;

    private static string FirstLine(Exception ex)
    {
        var message = ex.Message;

        // YamlDotNet prefixes positions relative to the YAML block, which would contradict the file line we report.
        if (message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            var end = message.IndexOf("): ", StringComparison.Ordinal);
            if (end >= 0)
            {
                message = message[(end + 3)..];
            }
        }

        var newline = message.IndexOf('\n');
        return (newline < 0 ? message : message[..newline]).Trim().TrimEnd('.');
    }
}
