namespace GoldenPath.Fast.Tests.Evaluation.Labelled;

/// <summary>A confusion matrix for one evaluator against the labels, with the ids it got wrong.</summary>
internal sealed record EvaluatorAccuracy(string Evaluator, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, IReadOnlyList<string> Wrong)
{
    /// <summary>1 when the evaluator never fired: it claimed nothing false.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>1 when nothing was there to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public static EvaluatorAccuracy Measure(string evaluator, IEnumerable<(string Id, bool Expected, bool Predicted)> outcomes)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        List<string> wrong = [];
        foreach (var (id, expected, predicted) in outcomes)
        {
            switch (expected, predicted)
            {
                case (true, true): tp++; break;
                case (false, false): tn++; break;
                case (false, true): fp++; wrong.Add($"FP {id}"); break;
                case (true, false): fn++; wrong.Add($"FN {id}"); break;
            }
        }

        return new EvaluatorAccuracy(evaluator, tp, fp, fn, tn, wrong);
    }

    public static string Table(IEnumerable<EvaluatorAccuracy> rows) =>
        "| Evaluator | TP | FP | FN | TN | Precision | Recall |\n| --- | --: | --: | --: | --: | --: | --: |\n"
        + string.Concat(rows.Select(row => $"| {row.Evaluator} | {row.TruePositives} | {row.FalsePositives} | {row.FalseNegatives} | {row.TrueNegatives} | {row.Precision:0.000} | {row.Recall:0.000} |\n"));
}
