using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GoldenPath.Guardrails;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> named <see cref="SourceName"/>. Spans and metrics
/// carry the decision, categories and policy version, never the evaluated text.
/// </summary>
public static partial class GuardrailsTelemetry
{
    public const string SourceName = "GoldenPath.Guardrails";

    public const string InputActivityName = "guardrails.input";
    public const string OutputActivityName = "guardrails.output";
    public const string DecisionsCounterName = "goldenpath.guardrails.decisions";

    public const string ActionTag = "goldenpath.guardrails.action";
    public const string PolicyVersionTag = "goldenpath.guardrails.policy_version";
    public const string CategoriesTag = "goldenpath.guardrails.categories";
    public const string StageTag = "goldenpath.guardrails.stage";
    public const string CategoryTag = "goldenpath.guardrails.category";

    private static readonly string? s_version = typeof(GuardrailsTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(SourceName, s_version);

    internal static readonly Meter Meter = new(SourceName, s_version);

    internal static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        DecisionsCounterName,
        unit: "{decision}",
        description: "Guardrail decisions by stage, action and category.");

    internal static Activity? StartActivity(RailStage stage) =>
        ActivitySource.StartActivity(stage == RailStage.Input ? InputActivityName : OutputActivityName);

    /// <summary>Tags the span and counts one decision per category (or one "none" decision when nothing fired).</summary>
    internal static void Record(Activity? activity, RailStage stage, GuardrailVerdict verdict)
    {
        var categories = verdict.Findings.Select(f => f.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (activity is not null)
        {
            activity.SetTag(ActionTag, Name(verdict.Action));
            activity.SetTag(PolicyVersionTag, verdict.PolicyVersion);
            activity.SetTag(CategoriesTag, string.Join(',', categories));
        }

        if (!Decisions.Enabled)
        {
            return;
        }

        var stageName = stage == RailStage.Input ? "input" : "output";
        if (verdict.Findings.Count == 0)
        {
            Decisions.Add(1, new(StageTag, stageName), new(ActionTag, Name(verdict.Action)), new(CategoryTag, "none"));
            return;
        }

        foreach (var category in categories)
        {
            var action = verdict.Findings.Where(f => f.Category == category).Max(f => f.Action);
            Decisions.Add(1, new(StageTag, stageName), new(ActionTag, Name(action)), new(CategoryTag, category));
        }
    }

    private static string Name(RailAction action) => action switch
    {
        RailAction.Allow => "allow",
        RailAction.Flag => "flag",
        RailAction.Redact => "redact",
        _ => "block",
    };
}
