using System.Text;
using System.Text.Json;

namespace GoldenPath.Retrieval;

/// <summary>
/// Reads <c>{"id","title","acl":[...],"classification"?,"content"}</c> with a forward-only reader so every field
/// keeps the line it was written on.
/// </summary>
internal static class JsonDocumentParser
{
    internal static (AclDocument Document, int IdLine) Parse(string text, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var fields = new DocumentFields(source, headerLine: 1, keyHint: "json");
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });

        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw fields.Reject(1, "a JSON document must be one object: {\"id\": ..., \"title\": ..., \"acl\": [\"group:employees\"], \"content\": ...}");
            }

            var objectLine = LineAt(bytes, reader.TokenStartIndex);
            fields = new DocumentFields(source, objectLine, "json") { ContentLine = objectLine };

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                var line = LineAt(bytes, reader.TokenStartIndex);
                reader.Read();
                switch (name)
                {
                    case "id":
                        fields.Id = (String(ref reader, fields, name, line), line);
                        break;
                    case "title":
                        fields.Title = (String(ref reader, fields, name, line), line);
                        break;
                    case "classification":
                        fields.Classification = (String(ref reader, fields, name, line), line);
                        break;
                    case "content":
                        fields.Content = String(ref reader, fields, name, line);
                        fields.ContentLine = line;
                        break;
                    case "acl":
                        fields.AclLine = line;
                        fields.Acl = Principals(ref reader, bytes, fields, line);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            throw fields.Reject(line, $"the file is not valid JSON ({FirstSentence(ex.Message)}); fix the syntax at that line");
        }

        return fields.Build();
    }

    private static string String(ref Utf8JsonReader reader, DocumentFields fields, string name, int line)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return string.Empty;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw fields.Reject(line, $"\"{name}\" must be a string");
        }

        return reader.GetString()!;
    }

    private static List<(string, int)> Principals(ref Utf8JsonReader reader, byte[] bytes, DocumentFields fields, int line)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw fields.Reject(line, "\"acl\" must be an array of principals, for example \"acl\": [\"group:employees\", \"role:hr\"]");
        }

        var principals = new List<(string, int)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var itemLine = LineAt(bytes, reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.String)
            {
                throw fields.Reject(itemLine, "each \"acl\" entry must be a string such as \"group:employees\"");
            }

            principals.Add((reader.GetString()!, itemLine));
        }

        return principals;
    }

    private static int LineAt(byte[] bytes, long offset) =>
        bytes.AsSpan(0, (int)offset).Count((byte)'\n') + 1;

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own zero-based position; the file line is reported separately.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim().TrimEnd('.');
    }
}
