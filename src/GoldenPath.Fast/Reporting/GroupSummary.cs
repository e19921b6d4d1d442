namespace GoldenPath.Fast;

/// <summary>Counts and pass rate for the cases sharing one category, technique or severity.</summary>
/// <param name="Key">The category id, technique name or severity.</param>
/// <param name="Cases">Number of cases in the group.</param>
/// <param name="Passed">Cases without a high or critical finding (see <see cref="CaseResult.Passed"/>).</param>
/// <param name="PassRate"><paramref name="Passed"/> divided by <paramref name="Cases"/>, 0 to 1.</param>
/// <param name="Outcomes">Outcome counts.</param>
public sealed record GroupSummary(string Key, int Cases, int Passed, double PassRate, OutcomeCounts Outcomes)
{
    internal static IReadOnlyList<GroupSummary> By(IEnumerable<CaseResult> results, Func<CaseResult, string> key) =>
        [.. results
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Of(group.Key, [.. group]))];

    internal static GroupSummary Of(string key, IReadOnlyCollection<CaseResult> results)
    {
        var passed = results.Count(result => result.Passed);
        return new GroupSummary(key, results.Count, passed, results.Count == 0 ? 1 : Math.Round((double)passed / results.Count, 4), OutcomeCounts.Count(results));
    }
}
