using System.Globalization;
using System.Xml.Linq;

namespace GoldenPath.Fast;

/// <summary>JUnit XML: a test suite per OWASP category and a test case per attack; disclosed and errored cases fail.</summary>
internal static class JUnitReport
{
    public static XDocument Render(Scorecard scorecard)
    {
        var suites = scorecard.Results
            .GroupBy(result => result.Case.Category, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Suite(group.Key, [.. group]))
            .ToArray();

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "testsuites",
                new XAttribute("name", $"FAST {scorecard.CorpusVersion}"),
                new XAttribute("tests", scorecard.Cases),
                new XAttribute("failures", scorecard.Results.Count(Fails)),
                new XAttribute("errors", 0),
                new XAttribute("time", Seconds(scorecard.Duration)),
                suites));
    }

    private static XElement Suite(string category, IReadOnlyList<CaseResult> results) => new(
        "testsuite",
        new XAttribute("name", category),
        new XAttribute("tests", results.Count),
        new XAttribute("failures", results.Count(Fails)),
        new XAttribute("errors", 0),
        new XAttribute("skipped", 0),
        new XAttribute("time", Seconds(TimeSpan.FromTicks(results.Sum(result => result.Latency.Ticks)))),
        results.OrderBy(result => result.Case.Id, StringComparer.Ordinal).Select(TestCase));

    private static XElement TestCase(CaseResult result)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("name", result.Case.Id),
            new XAttribute("classname", $"{result.Case.Category}.{result.Case.Technique}"),
            new XAttribute("time", Seconds(result.Latency)));
        if (Fails(result))
        {
            var outcome = result.Outcome.ToString().ToLowerInvariant();
            element.Add(new XElement(
                "failure",
                new XAttribute("type", outcome),
                new XAttribute("message", $"{outcome}: {result.Findings.Count} finding(s)"),
                string.Join('\n', result.Findings.Select(finding => $"[{finding.Severity.ToString().ToLowerInvariant()}] {finding.Evaluator}: {finding.Evidence}"))));
        }

        return element;
    }

    private static bool Fails(CaseResult result) => result.Outcome is CaseOutcome.Disclosed or CaseOutcome.Errored;

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
