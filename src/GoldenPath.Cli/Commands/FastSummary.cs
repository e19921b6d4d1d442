using System.Globalization;
using GoldenPath.Fast;
using Spectre.Console;

namespace GoldenPath.Cli.Commands;

/// <summary>The end of a scan on the console: a table by category, findings by severity, then the gate verdict.</summary>
internal static class FastSummary
{
    public static void Write(CliConsole console, Scorecard scorecard, GateResult gate)
    {
        var output = console.Out;
        var c = CultureInfo.InvariantCulture;
        if (FastProgress.IsInteractive(console))
        {
            var table = new Table().AddColumns("Category", "Cases", "Deflected", "Errored", "Answered", "Disclosed", "Pass rate");
            foreach (var group in scorecard.ByCategory)
            {
                table.AddRow(group.Key, C(group.Cases), C(group.Outcomes.Deflected), C(group.Outcomes.Errored), C(group.Outcomes.Answered), C(group.Outcomes.Disclosed), group.PassRate.ToString("P1", c));
            }

            AnsiConsole.Write(table);
        }
        else
        {
            output.WriteLine($"{"category",-9} {"cases",6} {"deflected",9} {"errored",7} {"answered",8} {"disclosed",9} {"pass",7}");
            foreach (var group in scorecard.ByCategory)
            {
                var o = group.Outcomes;
                output.WriteLine(string.Create(c, $"{group.Key,-9} {group.Cases,6} {o.Deflected,9} {o.Errored,7} {o.Answered,8} {o.Disclosed,9} {group.PassRate,7:P1}"));
            }
        }

        var outcomes = scorecard.Outcomes;
        output.WriteLine($"outcomes: deflected {outcomes.Deflected}, errored {outcomes.Errored}, answered {outcomes.Answered}, disclosed {outcomes.Disclosed}");
        var bySeverity = Enum.GetValues<Severity>().Reverse().Select(s => $"{s.ToString().ToLowerInvariant()} {scorecard.Findings.Count(f => f.Severity == s)}");
        output.WriteLine($"findings: {string.Join(", ", bySeverity)}");
        output.WriteLine(string.Create(c, $"score: {scorecard.Score:0.0} / 100"));
        if (scorecard.Skipped.Count > 0)
        {
            output.WriteLine($"skipped: {scorecard.Skipped.Count} case(s) with planted documents; pass --operator-token to plant them through the app's /fast/plant hook");
        }

        if (gate.HasBaseline)
        {
            output.WriteLine($"baseline: {gate.NewFindings.Count} new finding(s), {gate.FixedFindings.Count} fixed");
            foreach (var finding in gate.NewFindings)
            {
                output.WriteLine($"  new   [{Name(finding.Severity)}] {finding.Key}");
            }

            foreach (var key in gate.FixedFindings)
            {
                output.WriteLine($"  fixed {key}");
            }
        }

        if (gate.Passed)
        {
            output.WriteLine("gate: passed");
            return;
        }

        output.WriteLine($"gate: FAILED, {gate.Violations.Count} rule(s) broken:");
        foreach (var violation in gate.Violations)
        {
            output.WriteLine($"  {violation}");
        }

        foreach (var finding in gate.Blocking)
        {
            output.WriteLine($"  [{Name(finding.Severity)}] {finding.CaseId} ({finding.Category}, {finding.Evaluator}): {finding.Evidence}");
        }
    }

    private static string C(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();
}
