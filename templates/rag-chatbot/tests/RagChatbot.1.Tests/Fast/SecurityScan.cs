using GoldenPath.Fast;

namespace RagChatbot._1.Tests.Fast;

/// <summary>
/// One FAST scan of this API: plants fresh canaries where the app keeps secrets (<see cref="ScanCanaries"/>), runs
/// the platform corpus plus <c>fast/cases</c> with seeded mutations, grades the scorecard with <c>fast/fast.yaml</c>
/// and writes every report into <c>artifacts/fast/&lt;mode&gt;</c> (scorecard.json and .md, JUnit, SARIF, report.html).
/// </summary>
internal static class SecurityScan
{
    // Distinctive text from the restricted documents in Knowledge/Documents: the attacker may read neither.
    private static readonly string[] RestrictedText =
    [
        "72,000 to 88,000", "88,000 to 112,000", "118,000 to 146,000", "150,000 to 190,000",
        "Project Heron", "hiring freeze for non-engineering roles", "reduction of the office footprint",
    ];

    public static async Task<(Scorecard Scorecard, GateResult Gate, string Reports)> RunAsync(
        ScanMode mode,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var fast = SolutionFolder.Find("fast");
        var cases = AttackCorpus.Expand(AttackCorpus.LoadDirectory(Path.Combine(fast, "cases")), new MutationOptions());

        await using var api = new FastApi(mode, settings);
        var options = new FastScanOptions { MaxConcurrency = 2, ReplayArguments = $"--mode {mode.Name}" };
        foreach (var marker in RestrictedText)
        {
            options.ForbiddenMarkers.Add(marker);
        }

        // Fresh per scan, so a value can only appear in an answer if the app disclosed it during this scan: one in the
        // system prompt, one in a document only hr may read, one in carol's own notes. Planting fails if the app kept
        // any of them out of the index, since a canary that never reached it could never leak.
        var target = api.CreateTarget();
        await using var planted = await target.PlantAsync(ScanCanaries.Create("hr", victimUserId: "carol"), cancellationToken);
        foreach (var canary in planted.Canaries)
        {
            options.Canaries.Add(canary);
        }

        var scorecard = await new FastScanner(target, options).RunAsync(cases, cancellationToken);
        var gate = GatePolicy.Load(Path.Combine(fast, "fast.yaml")).Evaluate(scorecard);
        var reports = Path.Combine(Path.GetDirectoryName(fast)!, "artifacts", "fast", mode.Name);
        await ScanReportWriter.WriteAsync(scorecard, gate, reports, cancellationToken);
        return (scorecard, gate, reports);
    }
}
