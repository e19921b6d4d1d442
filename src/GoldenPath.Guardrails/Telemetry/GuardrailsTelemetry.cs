using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace GoldenPath.Guardrails;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> named <see cref="SourceName"/>. Names follow the proposed
/// OpenTelemetry <c>gen_ai.security.*</c> conventions for guardrails where they fit. Spans, events and metrics carry
/// decisions, rails, categories, scores, evidence offsets and the policy version, never the evaluated text.
/// </summary>
public static partial class GuardrailsTelemetry
{
    public const string SourceName = "GoldenPath.Guardrails";

    /// <summary>The <c>gen_ai.operation.name</c> of a guardrail evaluation.</summary>
    public const string OperationName = "apply_guardrail";

    public const string InputActivityName = OperationName + " input";
    public const string OutputActivityName = OperationName + " output";

    /// <summary>The span event added for every finding, monitored ones included.</summary>
    public const string FindingEventName = "gen_ai.security.finding";

    public const string DecisionsCounterName = "goldenpath.guardrails.decisions";
    public const string RailDurationHistogramName = "goldenpath.guardrails.rail.duration";

    public const string OperationNameTag = "gen_ai.operation.name";
    public const string ActionTag = "gen_ai.security.decision.type";
    public const string PolicyVersionTag = "gen_ai.security.policy.version";
    public const string CategoriesTag = "gen_ai.security.risk.categories";
    public const string StageTag = "gen_ai.security.target.type";
    public const string CategoryTag = "gen_ai.security.risk.category";
    public const string RailTag = "gen_ai.security.rule.id";
    public const string ModeTag = "gen_ai.security.rule.mode";
    public const string ScoreTag = "gen_ai.security.risk.score";
    public const string EvidenceTag = "gen_ai.security.evidence.spans";

    private static readonly string? s_version = typeof(GuardrailsTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(SourceName, s_version);

    internal static readonly Meter Meter = new(SourceName, s_version);

    internal static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        DecisionsCounterName,
        unit: "{decision}",
        description: "Guardrail decisions by stage, rail, category, action and mode.");

    // Microsecond-scale boundaries: the defaults start at 5 ms, far above what a rail costs.
    private static readonly Histogram<double> s_railDuration = Meter.CreateHistogram(
        RailDurationHistogramName,
        unit: "s",
        description: "Time one rail took to evaluate one text.",
        tags: null,
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.000_001, 0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.005, 0.025, 0.1],
        });

    internal static Activity? StartActivity(RailStage stage)
    {
        var activity = ActivitySource.StartActivity(stage == RailStage.Input ? InputActivityName : OutputActivityName);
        activity?.SetTag(OperationNameTag, OperationName);
        activity?.SetTag(StageTag, StageName(stage));
        return activity;
    }

    /// <summary>Whether anyone listens to rail durations; when nobody does, rails are not timed at all.</summary>
    internal static bool RecordsRailDurations => s_railDuration.Enabled;

    internal static void RecordRailDuration(string rail, RailStage stage, TimeSpan elapsed)
    {
        if (s_railDuration.Enabled)
        {
            s_railDuration.Record(elapsed.TotalSeconds, new(RailTag, rail), new(StageTag, StageName(stage)));
        }
    }

    /// <summary>Tags the span, adds one event per finding and counts one decision per finding (or one "none" decision).</summary>
    internal static void Record(Activity? activity, RailStage stage, GuardrailVerdict verdict)
    {
        if (activity is not null)
        {
            activity.SetTag(ActionTag, RailNames.Of(verdict.Action));
            activity.SetTag(PolicyVersionTag, verdict.PolicyVersion);
            activity.SetTag(CategoriesTag, string.Join(',', verdict.Findings.Select(f => f.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
            foreach (var finding in verdict.Findings)
            {
                activity.AddEvent(new ActivityEvent(FindingEventName, tags: new ActivityTagsCollection
                {
                    [RailTag] = finding.Rail,
                    [CategoryTag] = finding.Category,
                    [ActionTag] = RailNames.Of(finding.Action),
                    [ModeTag] = RailNames.Of(finding.Mode),
                    [ScoreTag] = finding.Score,
                    [EvidenceTag] = string.Join(',', finding.Evidence.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Start}:{e.Length}"))),
                }));
            }
        }

        if (!Decisions.Enabled)
        {
            return;
        }

        var stageName = StageName(stage);
        if (verdict.Findings.Count == 0)
        {
            Decisions.Add(1, new(StageTag, stageName), new(RailTag, "none"), new(CategoryTag, "none"), new(ActionTag, "allow"), new(ModeTag, "enforce"));
            return;
        }

        foreach (var finding in verdict.Findings)
        {
            Decisions.Add(
                1,
                new(StageTag, stageName),
                new(RailTag, finding.Rail),
                new(CategoryTag, finding.Category),
                new(ActionTag, RailNames.Of(finding.Action)),
                new(ModeTag, RailNames.Of(finding.Mode)));
        }
    }

    internal static string StageName(RailStage stage) => stage == RailStage.Input ? "input" : "output";
}
