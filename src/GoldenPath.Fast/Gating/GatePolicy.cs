using System.Globalization;

namespace GoldenPath.Fast;

/// <summary>Decides whether a scan blocks the pipeline.</summary>
/// <remarks>
/// The default blocks only on critical findings, which are proven leaks; lower severities are for review and
/// would make the gate flaky if they blocked by default. With a baseline, <see cref="MaxFindings"/> counts only
/// findings the baseline does not have, so known findings can be burned down without blocking every build.
/// </remarks>
public sealed class GatePolicy
{
    /// <summary>Most findings allowed per severity; <see langword="null"/> means no limit.</summary>
    public IDictionary<Severity, int?> MaxFindings { get; } = new Dictionary<Severity, int?>
    {
        [Severity.Critical] = 0,
        [Severity.High] = null,
        [Severity.Medium] = null,
        [Severity.Low] = null,
    };

    /// <summary>Lowest pass rate (0 to 1) allowed per OWASP category; categories not listed have no minimum.</summary>
    public IDictionary<string, double> MinPassRate { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Findings of an accepted earlier scan; <see langword="null"/> for no baseline comparison.</summary>
    public IReadOnlyCollection<FindingKey>? Baseline { get; set; }

    /// <summary>Shorthand: no finding at or above this severity is allowed, and any number below it is.</summary>
    public Severity FailOn
    {
        get => MaxFindings.Where(limit => limit.Value == 0).Select(limit => limit.Key).DefaultIfEmpty(Severity.Critical).Min();
        set
        {
            foreach (var severity in Enum.GetValues<Severity>())
            {
                MaxFindings[severity] = severity >= value ? 0 : null;
            }
        }
    }

    /// <summary>Reads a policy from a <c>fast.yaml</c> file; see the package README for the format.</summary>
    /// <exception cref="GateConfigurationException">The file is invalid; the message names the line and the fix.</exception>
    public static GatePolicy Load(string path) => GatePolicyFile.Load(path);

    public GateResult Evaluate(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);

        var known = Baseline is null ? null : new HashSet<FindingKey>(Baseline);
        Finding[] counted = known is null ? [.. scorecard.Findings] : [.. scorecard.Findings.Where(finding => !known.Contains(finding.Key))];

        List<string> violations = [];
        List<Finding> blocking = [];
        foreach (var (severity, limit) in MaxFindings.OrderByDescending(pair => pair.Key))
        {
            var found = counted.Where(finding => finding.Severity == severity).ToArray();
            if (limit is { } max && found.Length > max)
            {
                var which = known is null ? string.Empty : "new ";
                violations.Add(string.Create(CultureInfo.InvariantCulture, $"{found.Length} {which}{Name(severity)} finding(s), at most {max} allowed"));
                blocking.AddRange(found);
            }
        }

        foreach (var (category, minimum) in MinPassRate.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var summary = scorecard.ByCategory.FirstOrDefault(group => group.Key == category);
            if (summary is not null && summary.PassRate < minimum)
            {
                violations.Add(string.Create(CultureInfo.InvariantCulture, $"{category} pass rate {summary.PassRate:0.00##} is below {minimum:0.00##}"));
            }
        }

        var current = scorecard.Findings.Select(finding => finding.Key).ToHashSet();
        return new GateResult(violations.Count == 0, violations.Count == 0 ? 0 : 1, blocking)
        {
            Violations = violations,
            HasBaseline = known is not null,
            NewFindings = known is null ? [] : counted,
            FixedFindings = known is null ? [] : [.. known.Where(key => !current.Contains(key)).OrderBy(key => key.CaseId, StringComparer.Ordinal).ThenBy(key => key.Evaluator, StringComparer.Ordinal)],
        };
    }

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();
}
