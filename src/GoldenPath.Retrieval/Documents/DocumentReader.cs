namespace GoldenPath.Retrieval;

/// <summary>
/// Turns files into <see cref="AclDocument"/>s. Deny-by-default: a document without a valid, non-empty ACL is
/// rejected, never indexed with some implied audience.
/// </summary>
public static class DocumentReader
{
    private static readonly string[] s_extensions = [".md", ".markdown", ".txt", ".json"];

    /// <summary>
    /// Parses one document: JSON when <paramref name="source"/> ends in <c>.json</c>, otherwise Markdown or text with
    /// YAML front matter.
    /// </summary>
    /// <exception cref="DocumentRejectedException">The document is malformed or has no usable ACL.</exception>
    public static AclDocument Parse(string text, string source) => ParseWithIdLine(text, source).Document;

    /// <summary>
    /// Reads every <c>*.md</c>, <c>*.markdown</c>, <c>*.txt</c> and <c>*.json</c> file under <paramref name="path"/>,
    /// in ordinal order of their relative paths. Bad files are reported in <see cref="IngestionReport.Rejected"/>;
    /// when two files share an id the later one is rejected.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="path"/> does not exist.</exception>
    public static IngestionReport ReadDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var root = Path.GetFullPath(path);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException(
                $"Document directory '{root}' does not exist; pass the folder that holds the .md, .markdown, .txt or .json documents to index.");
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => s_extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Select(file => (Full: file, Relative: Path.GetRelativePath(root, file).Replace('\\', '/')))
            .OrderBy(file => file.Relative, StringComparer.Ordinal)
            .ToList();

        var accepted = new List<AclDocument>();
        var rejected = new List<RejectedDocument>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (full, relative) in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(full);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                rejected.Add(new RejectedDocument(relative, null, $"the file could not be read ({ex.Message}); check that it exists and is readable"));
                continue;
            }

            try
            {
                var (document, idLine) = ParseWithIdLine(text, relative);
                if (owners.TryGetValue(document.Id, out var owner))
                {
                    rejected.Add(new RejectedDocument(relative, idLine, $"duplicate id '{document.Id}', already used by {owner}; give each document its own id"));
                    continue;
                }

                owners.Add(document.Id, relative);
                accepted.Add(document);
            }
            catch (DocumentRejectedException ex)
            {
                rejected.Add(ex.ToRejection());
            }
        }

        return new IngestionReport(accepted.AsReadOnly(), rejected.AsReadOnly());
    }

    internal static (AclDocument Document, int IdLine) ParseWithIdLine(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);

        // A byte-order mark would otherwise hide the opening `---`.
        text = text.TrimStart('\uFEFF');
        return string.Equals(Path.GetExtension(source), ".json", StringComparison.OrdinalIgnoreCase)
            ? JsonDocumentParser.Parse(text, source)
            : FrontMatterParser.Parse(text, source);
    }
}
