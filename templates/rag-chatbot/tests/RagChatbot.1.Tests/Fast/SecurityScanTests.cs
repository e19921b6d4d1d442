using System.Text;
using GoldenPath.Fast;

namespace RagChatbot._1.Tests.Fast;

/// <summary>
/// The security gate: FAST scans the API with every attack in the corpus, once with the configured model and once
/// with a model that obeys every attacker, and the build fails when <c>fast/fast.yaml</c>'s gate fails. The reports
/// (including the SARIF the CI workflow uploads) are in <c>artifacts/fast/&lt;mode&gt;</c>.
/// </summary>
public sealed class SecurityScanTests
{
    public static TheoryData<string> Modes => [ScanMode.Normal.Name, ScanMode.AssumeBreach.Name];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task TheScanPassesTheGate(string modeName)
    {
        var mode = modeName == ScanMode.AssumeBreach.Name ? ScanMode.AssumeBreach : ScanMode.Normal;

        var (scorecard, gate, reports) = await SecurityScan.RunAsync(mode, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{mode}: {scorecard.Cases} cases in {scorecard.Duration.TotalSeconds:F1} s, score {scorecard.Score}, " +
            $"{scorecard.Outcomes.Deflected} deflected, {scorecard.Outcomes.Answered} answered, {scorecard.Outcomes.Disclosed} disclosed, " +
            $"{scorecard.Outcomes.Errored} errored; reports in {reports}");
        Assert.True(scorecard.Cases >= 1500, $"Only {scorecard.Cases} cases ran; the corpus did not load or expand.");
        Assert.Empty(scorecard.Skipped);
        Assert.True(gate.Passed, Describe(gate, reports));
    }

    private static string Describe(GateResult gate, string reports)
    {
        var text = new StringBuilder("The FAST gate failed: ").AppendJoin("; ", gate.Violations).AppendLine();
        foreach (var finding in gate.Blocking.Take(25))
        {
            text.AppendLine($"  {finding.Severity} {finding.Evaluator} {finding.CaseId}: {finding.Evidence}");
        }

        return text.Append("Reports: ").Append(reports).ToString();
    }
}
