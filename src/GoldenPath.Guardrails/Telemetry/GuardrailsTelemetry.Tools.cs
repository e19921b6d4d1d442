using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GoldenPath.Guardrails;

/// <summary>Tool decisions: one span per call or result and a counter. Argument values and results are never recorded.</summary>
public static partial class GuardrailsTelemetry
{
    public const string ToolActivityName = OperationName + " tool_call";
    public const string ToolResultActivityName = OperationName + " tool_result";
    public const string ToolDecisionsCounterName = "goldenpath.guardrails.tool.decisions";

    /// <summary>The tool's catalog name, or <c>unknown</c> for a name the catalog lacks: that name is model output and would make the tag unbounded.</summary>
    public const string ToolNameTag = "gen_ai.tool.name";
    public const string ToolCallIdTag = "gen_ai.tool.call.id";
    public const string SecurityDecisionTag = ActionTag;
    public const string SecurityRuleTag = CategoryTag;
    public const string ToolModeTag = ModeTag;

    /// <summary><c>tool_call</c> for the authorization of a call, <c>tool_result</c> for the scan of its result.</summary>
    public const string ToolStageTag = StageTag;

    internal const string UnknownToolName = "unknown";

    internal static Activity? StartToolActivity(bool result) =>
        ActivitySource.StartActivity(result ? ToolResultActivityName : ToolActivityName);

    internal static void RecordToolDecision(Activity? activity, string toolName, string? callId, ToolDecision decision, string policyVersion) =>
        RecordTool(activity, toolName, callId, DecisionName(decision.Kind), decision.Category, decision.Mode, policyVersion, "tool_call");

    internal static void RecordToolResult(Activity? activity, string toolName, ToolResultVerdict verdict, string policyVersion) =>
        RecordTool(
            activity,
            toolName,
            callId: null,
            verdict.InjectionFound ? "deny" : "allow",
            verdict.InjectionFound ? ToolDecisionCategories.IndirectInjection : ToolDecisionCategories.Allowed,
            verdict.Mode,
            policyVersion,
            "tool_result");

    private static void RecordTool(
        Activity? activity,
        string toolName,
        string? callId,
        string decision,
        string rule,
        RailMode mode,
        string policyVersion,
        string stage)
    {
        var modeName = RailNames.Of(mode);
        if (activity is not null)
        {
            activity.SetTag(ToolNameTag, toolName);
            if (!string.IsNullOrEmpty(callId))
            {
                activity.SetTag(ToolCallIdTag, callId);
            }

            activity.SetTag(SecurityDecisionTag, decision);
            activity.SetTag(SecurityRuleTag, rule);
            activity.SetTag(ToolModeTag, modeName);
            activity.SetTag(ToolStageTag, stage);
            activity.SetTag(PolicyVersionTag, policyVersion);
        }

        var counter = ToolInstruments.Decisions;
        if (counter.Enabled)
        {
            counter.Add(1, new(ToolNameTag, toolName), new(SecurityDecisionTag, decision), new(ToolModeTag, modeName), new(ToolStageTag, stage));
        }
    }

    private static string DecisionName(ToolDecisionKind kind) => kind switch
    {
        ToolDecisionKind.Allow => "allow",
        ToolDecisionKind.PendingApproval => "pending_approval",
        _ => "deny",
    };

    // A nested type so the counter is created after Meter, whatever order the partial files initialize in.
    private static class ToolInstruments
    {
        public static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
            ToolDecisionsCounterName,
            unit: "{decision}",
            description: "Tool-call and tool-result decisions by tool, decision, mode and stage.");
    }
}
