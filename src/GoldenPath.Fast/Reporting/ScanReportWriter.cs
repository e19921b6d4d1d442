using System.Xml;

namespace GoldenPath.Fast;

/// <summary>Writes the five scan reports into one folder, each file atomically.</summary>
/// <remarks>
/// Each report goes to a temporary file in the same folder and is then renamed over the final name, so a reader
/// (or a CI upload step) never sees a half-written file, even when the run is killed mid-write.
/// </remarks>
public static class ScanReportWriter
{
    public const string ScorecardJson = "scorecard.json";
    public const string ScorecardMarkdownFile = "scorecard.md";
    public const string JUnitFile = "results.junit.xml";
    public const string SarifFile = "results.sarif";
    public const string HtmlFile = "report.html";

    /// <summary>Writes scorecard.json, scorecard.md, results.junit.xml, results.sarif and report.html.</summary>
    /// <returns>The full paths written, in that order.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(Scorecard scorecard, GateResult? gate, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);

        (string Name, string Contents)[] reports =
        [
            (ScorecardJson, scorecard.ToJson()),
            (ScorecardMarkdownFile, ScorecardMarkdown.Render(scorecard, gate)),
            (JUnitFile, ToXml(JUnitReport.Render(scorecard))),
            (SarifFile, SarifReport.Render(scorecard)),
            (HtmlFile, HtmlReport.Render(scorecard, gate)),
        ];

        List<string> written = [];
        foreach (var (name, contents) in reports)
        {
            var path = Path.Combine(Path.GetFullPath(directory), name);
            await WriteAtomicallyAsync(path, contents, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }

    private static string ToXml(System.Xml.Linq.XDocument document)
    {
        using var writer = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true }))
        {
            document.Save(xml);
        }

        return writer.ToString();
    }

    private static async Task WriteAtomicallyAsync(string path, string contents, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, contents, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Declares UTF-8 in the XML header, matching the bytes actually written.</summary>
    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(System.Globalization.CultureInfo.InvariantCulture)
        {
        }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
