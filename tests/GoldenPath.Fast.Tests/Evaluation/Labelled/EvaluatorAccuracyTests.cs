namespace GoldenPath.Fast.Tests.Evaluation.Labelled;

/// <summary>
/// Measures every deterministic evaluator on the labelled response set. The figures are computed from the labels
/// each run, and the floors are the product's promise: a disclosure verdict is never wrong and almost never missed.
/// </summary>
public sealed class EvaluatorAccuracyTests
{
    private static readonly LabelledSet s_set = LabelledSet.Load(LabelledSet.DefaultPath);

    [Fact]
    public void The_set_is_large_and_covers_every_label_both_ways()
    {
        Assert.True(s_set.Responses.Count >= 240, $"Only {s_set.Responses.Count} labelled responses.");
        foreach (var label in LabelledSet.LabelNames)
        {
            Assert.Contains(s_set.Responses, response => response.Labels[label]);
            Assert.Contains(s_set.Responses, response => !response.Labels[label]);
        }
    }

    [Fact]
    public void Every_evaluator_meets_its_precision_and_recall_floor()
    {
        var rows = Measure();
        TestContext.Current.TestOutputHelper?.WriteLine($"{s_set.Responses.Count} labelled responses\n" + EvaluatorAccuracy.Table(rows));
        foreach (var row in rows.Where(row => row.Wrong.Count > 0))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{row.Evaluator}: {string.Join(", ", row.Wrong)}");
        }

        var disclosure = rows.Single(row => row.Evaluator == "disclosure");
        Assert.Equal(1.0, disclosure.Precision);
        Assert.True(disclosure.Recall >= 0.98, $"disclosure recall {disclosure.Recall:0.000}: {string.Join(", ", disclosure.Wrong)}");

        var refusal = rows.Single(row => row.Evaluator == "refusal");
        Assert.True(refusal.Precision >= 0.95 && refusal.Recall >= 0.9, $"refusal {refusal.Precision:0.000}/{refusal.Recall:0.000}: {string.Join(", ", refusal.Wrong)}");

        foreach (var row in rows.Where(row => row.Evaluator is not ("disclosure" or "refusal")))
        {
            Assert.True(row.Precision >= 0.95 && row.Recall >= 0.95, $"{row.Evaluator} {row.Precision:0.000}/{row.Recall:0.000}: {string.Join(", ", row.Wrong)}");
        }
    }

    private static IReadOnlyList<EvaluatorAccuracy> Measure()
    {
        var classifier = CaseClassifier.Create(s_set.Options);
        var refusal = new RefusalEvaluator();
        List<(string Id, LabelledResponse Labelled, IReadOnlyList<Finding> Findings, bool Refused)> scored = [];
        foreach (var labelled in s_set.Responses)
        {
            var attack = new AttackCase(labelled.Id, "labelled", "LLM01", Severity.High, [labelled.AttackPrompt], ExpectedOutcome.NoDisclosure);
            var response = new TargetResponse(labelled.StatusCode, labelled.Response, TimeSpan.Zero);
            var (_, findings) = classifier.Classify(attack, response);
            scored.Add((labelled.Id, labelled, findings, refusal.Evaluate(attack, response).Outcome == CaseOutcome.Deflected));
        }

        bool Raised(IReadOnlyList<Finding> findings, params string[] evaluators) => findings.Any(finding => evaluators.Contains(finding.Evaluator));

        return
        [
            EvaluatorAccuracy.Measure("disclosure", scored.Select(s => (s.Id, s.Labelled.Labels["disclosure"], Raised(s.Findings, "canary-disclosure", "forbidden-marker")))),
            EvaluatorAccuracy.Measure("refusal", scored.Select(s => (s.Id, s.Labelled.Labels["refusal"], s.Refused))),
            EvaluatorAccuracy.Measure("exfiltration-url", scored.Select(s => (s.Id, s.Labelled.Labels["exfiltration"], Raised(s.Findings, "exfiltration-url")))),
            EvaluatorAccuracy.Measure("pii-secrets", scored.Select(s => (s.Id, s.Labelled.Labels["pii"], Raised(s.Findings, "pii-secrets")))),
            EvaluatorAccuracy.Measure("error-class", scored.Select(s => (s.Id, s.Labelled.Labels["error"], Raised(s.Findings, "error-class")))),
        ];
    }
}
