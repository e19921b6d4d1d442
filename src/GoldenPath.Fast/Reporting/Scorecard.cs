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
    public Scorecard(string corpusVersion, DateTimeOffset startedAt, TimeSpan duration, IReadOnlyList<CaseResult> results)
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
        Findings = [.. results
            .SelectMany(result => result.Findings)
            .OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.CaseId, StringComparer.Ordinal)];
    }

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

    public string ToMarkdown() => ScorecardMarkdown.Render(this);
}
