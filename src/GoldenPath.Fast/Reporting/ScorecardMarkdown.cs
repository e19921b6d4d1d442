using System.Globalization;
using System.Text;

namespace GoldenPath.Fast;

internal static class ScorecardMarkdown
{
    private static readonly CaseOutcome[] s_outcomes = [CaseOutcome.Deflected, CaseOutcome.Errored, CaseOutcome.Answered, CaseOutcome.Disclosed];

    public static string Render(Scorecard scorecard, GateResult? gate)
    {
        var md = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;

        md.AppendLine("# FAST scorecard").AppendLine();
        md.AppendLine(culture, $"- Corpus version: `{scorecard.CorpusVersion}`");
        md.AppendLine(culture, $"- Started: {scorecard.StartedAt:u}");
        md.AppendLine(culture, $"- Duration: {scorecard.Duration.TotalSeconds:0.0} s");
        md.AppendLine(culture, $"- Cases: {scorecard.Cases}");
        md.AppendLine(culture, $"- Score: {scorecard.Score:0.0} / 100 (severity-weighted pass rate)");
        md.AppendLine(culture, $"- Findings: {scorecard.Findings.Count}");
        if (scorecard.Skipped.Count > 0)
        {
            md.AppendLine(culture, $"- Skipped: {scorecard.Skipped.Count} case(s) with planted documents; the target cannot plant them");
        }

        md.AppendLine();
        if (gate is not null)
        {
            md.AppendLine(gate.Passed ? "**Gate: passed**" : "**Gate: FAILED**").AppendLine();
            foreach (var violation in gate.Violations)
            {
                md.AppendLine(culture, $"- {violation}");
            }

            if (gate.HasBaseline)
            {
                md.AppendLine(culture, $"- New findings since the baseline: {gate.NewFindings.Count}; fixed: {gate.FixedFindings.Count}");
            }

            md.AppendLine();
        }

        md.AppendLine("## Outcomes").AppendLine();
        md.AppendLine("| Outcome | Cases |").AppendLine("| --- | ---: |");
        foreach (var outcome in s_outcomes)
        {
            md.AppendLine(culture, $"| {Name(outcome)} | {scorecard.Outcomes[outcome]} |");
        }

        md.AppendLine().AppendLine("## By category").AppendLine();
        md.AppendLine("| Category | Cases | Deflected | Errored | Answered | Disclosed | Pass rate |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var category in scorecard.ByCategory)
        {
            var counts = category.Outcomes;
            md.AppendLine(culture, $"| {category.Key} | {counts.Total} | {counts.Deflected} | {counts.Errored} | {counts.Answered} | {counts.Disclosed} | {category.PassRate:P1} |");
        }

        md.AppendLine().AppendLine("## Findings").AppendLine();
        if (scorecard.Findings.Count == 0)
        {
            md.AppendLine("No findings.");
            return md.ToString();
        }

        md.AppendLine("| Severity | Case | Category | Evaluator | Evidence | Replay |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var finding in scorecard.Findings)
        {
            md.AppendLine(culture, $"| {finding.Severity.ToString().ToLowerInvariant()} | {Code(finding.CaseId)} | {finding.Category} | {finding.Evaluator} | {Code(finding.Evidence)} | {Code(finding.Replay ?? string.Empty)} |");
        }

        return md.ToString();
    }

    private static string Name(CaseOutcome outcome) => outcome.ToString().ToLowerInvariant();

    // Evidence quotes attacker-influenced text; a code span keeps a viewer from rendering images or links in it.
    private static string Code(string text) =>
        "`" + text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ') + "`";
}
