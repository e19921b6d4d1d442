using System.Globalization;
using System.Net;
using System.Text;

namespace GoldenPath.Fast;

/// <summary>One self-contained HTML page: inline CSS, an SVG bar per category and the findings table.</summary>
/// <remarks>Every value is HTML-encoded: case ids come from corpus files and evidence quotes attacker-controlled answers.</remarks>
internal static class HtmlReport
{
    private const int BarWidth = 480;

    private static readonly (CaseOutcome Outcome, string Color)[] s_palette =
    [
        (CaseOutcome.Deflected, "#2e7d32"),
        (CaseOutcome.Answered, "#9e9e9e"),
        (CaseOutcome.Errored, "#ef6c00"),
        (CaseOutcome.Disclosed, "#c62828"),
    ];

    public static string Render(Scorecard scorecard, GateResult? gate)
    {
        var c = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>FAST scorecard</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}")
            .Append("td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#f3f3f3}")
            .Append(".pass{color:#2e7d32}.fail{color:#c62828}code{white-space:pre-wrap;word-break:break-all}")
            .Append("</style></head><body>\n");
        html.Append(c, $"<h1>FAST scorecard</h1>\n<p>Corpus <code>{E(scorecard.CorpusVersion)}</code>, {scorecard.Cases} cases, score <strong>{scorecard.Score:0.0}</strong> / 100, {scorecard.Findings.Count} finding(s).</p>\n");
        if (gate is not null)
        {
            html.Append(c, $"<p class=\"{(gate.Passed ? "pass" : "fail")}\"><strong>Gate {(gate.Passed ? "passed" : "FAILED")}</strong></p>\n<ul>");
            foreach (var violation in gate.Violations)
            {
                html.Append("<li>").Append(E(violation)).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2>By category</h2>\n");
        var rowHeight = 26;
        html.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{BarWidth + 220}\" height=\"{(scorecard.ByCategory.Count * rowHeight) + 30}\" role=\"img\" aria-label=\"Outcomes by category\">");
        for (var i = 0; i < scorecard.ByCategory.Count; i++)
        {
            var group = scorecard.ByCategory[i];
            var y = i * rowHeight;
            html.Append(c, $"<text x=\"0\" y=\"{y + 17}\" font-size=\"13\">{E(group.Key)}</text>");
            double x = 70;
            foreach (var (outcome, color) in s_palette)
            {
                var width = group.Cases == 0 ? 0 : (double)BarWidth * group.Outcomes[outcome] / group.Cases;
                if (width > 0)
                {
                    html.Append(c, $"<rect x=\"{x:0.##}\" y=\"{y + 4}\" width=\"{width:0.##}\" height=\"18\" fill=\"{color}\"><title>{Name(outcome)}: {group.Outcomes[outcome]}</title></rect>");
                }

                x += width;
            }

            html.Append(c, $"<text x=\"{BarWidth + 80}\" y=\"{y + 17}\" font-size=\"13\">{group.PassRate:P1} of {group.Cases}</text>");
        }

        var legendY = (scorecard.ByCategory.Count * rowHeight) + 20;
        var legendX = 70;
        foreach (var (outcome, color) in s_palette)
        {
            html.Append(c, $"<rect x=\"{legendX}\" y=\"{legendY - 10}\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{legendX + 14}\" y=\"{legendY}\" font-size=\"12\">{Name(outcome)}</text>");
            legendX += 100;
        }

        html.Append("</svg>\n<h2>Findings</h2>\n");
        if (scorecard.Findings.Count == 0)
        {
            html.Append("<p>No findings.</p>\n");
        }
        else
        {
            html.Append("<table><thead><tr><th>Severity</th><th>Case</th><th>Category</th><th>Technique</th><th>Evaluator</th><th>Evidence</th><th>Replay</th></tr></thead><tbody>\n");
            foreach (var finding in scorecard.Findings)
            {
                html.Append(c, $"<tr><td>{Name(finding.Severity)}</td><td><code>{E(finding.CaseId)}</code></td><td>{E(finding.Category)}</td><td>{E(finding.Technique ?? string.Empty)}</td><td>{E(finding.Evaluator)}</td><td><code>{E(finding.Evidence)}</code></td><td><code>{E(finding.Replay ?? string.Empty)}</code></td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string Name<T>(T value)
        where T : Enum => value.ToString().ToLowerInvariant();
}
