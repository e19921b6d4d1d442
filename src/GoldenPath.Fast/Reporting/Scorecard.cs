using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoldenPath.Fast;

/// <summary>The result of a scan. Every count is derived from <see cref="Results"/>, so a report cannot disagree with itself.</summary>
public sealed class Scorecard
{
    private static readonly JsonSerializerOptions s_jsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    [JsonConstructor]
    public Scorecard(
        string corpusVersion,
        DateTimeOffset startedAt,
        TimeSpan duration,
        IReadOnlyList<CaseResult> results,
        IReadOnlyList<string>? skipped = null,
        string? replayArguments = null)
    {
        ArgumentNullException.ThrowIfNull(corpusVersion);
        ArgumentNullException.ThrowIfNull(results);

        CorpusVersion = corpusVersion;
        StartedAt = startedAt;
        Duration = duration;
        Results = results;
        Outcomes = OutcomeCounts.Count(results);
        Categories = [.. results
            .GroupBy(result => result.Case.Category, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new CategorySummary(group.Key, OutcomeCounts.Count(group)))];
        Skipped = skipped ?? [];
        ReplayArguments = replayArguments;
        Findings = [.. results
            .SelectMany(result => result.Findings.Select(finding => finding with
            {
                Technique = result.Case.Technique,
                Replay = ReplayCommand(finding.CaseId, replayArguments),
            }))
            .OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.CaseId, StringComparer.Ordinal)
            .ThenBy(finding => finding.Evaluator, StringComparer.Ordinal)];
        ByCategory = GroupSummary.By(results, result => result.Case.Category);
        ByTechnique = GroupSummary.By(results, result => result.Case.Technique);
        BySeverity = GroupSummary.By(results, result => result.Case.Severity.ToString().ToLowerInvariant());
        Score = ComputeScore(results);
    }

    /// <summary>Severity weights of the score: a critical case counts ten times as much as a low one.</summary>
    public static IReadOnlyDictionary<Severity, int> ScoreWeights { get; } = new Dictionary<Severity, int>
    {
        [Severity.Critical] = 10,
        [Severity.High] = 5,
        [Severity.Medium] = 2,
        [Severity.Low] = 1,
    };

    /// <summary>
    /// Severity-weighted pass rate from 0 to 100: the weights (<see cref="ScoreWeights"/>) of the cases that passed
    /// divided by the weights of all cases, times 100, rounded to one decimal. 100 means no case raised a high or
    /// critical finding; an empty scan scores 100.
    /// </summary>
    public double Score { get; }

    public IReadOnlyList<GroupSummary> ByCategory { get; }

    public IReadOnlyList<GroupSummary> ByTechnique { get; }

    public IReadOnlyList<GroupSummary> BySeverity { get; }

    /// <summary>Ids of cases not sent, such as cases with planted documents against a target that cannot plant them.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>Arguments after <c>--case ID</c> in each finding's replay command, for example the URL and config.</summary>
    public string? ReplayArguments { get; }

    public string CorpusVersion { get; }

    public DateTimeOffset StartedAt { get; }

    public TimeSpan Duration { get; }

    public int Cases => Results.Count;

    public OutcomeCounts Outcomes { get; }

    public IReadOnlyList<CategorySummary> Categories { get; }

    /// <summary>All findings, worst first.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public IReadOnlyList<CaseResult> Results { get; }

    /// <summary>camelCase JSON with enums as kebab-case strings, matching the corpus format.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_jsonOptions);

    /// <summary>Reads a scorecard written by <see cref="ToJson"/>; the counts are recomputed, not trusted.</summary>
    public static Scorecard FromJson(string json) =>
        JsonSerializer.Deserialize<Scorecard>(json, s_jsonOptions) ?? throw new JsonException("The scorecard JSON is 'null'.");

    public string ToMarkdown() => ScorecardMarkdown.Render(this, null);

    private static string ReplayCommand(string caseId, string? arguments) =>
        string.IsNullOrWhiteSpace(arguments) ? $"goldenpath fast run --case {caseId}" : $"goldenpath fast run --case {caseId} {arguments}";

    private static double ComputeScore(IReadOnlyList<CaseResult> results)
    {
        var total = results.Sum(result => ScoreWeights[result.Case.Severity]);
        var passed = results.Where(result => result.Passed).Sum(result => ScoreWeights[result.Case.Severity]);
        return total == 0 ? 100 : Math.Round(100.0 * passed / total, 1);
    }
}
