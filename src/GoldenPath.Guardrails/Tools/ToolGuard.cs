using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails;

/// <summary>
/// Decides the model's tool calls: the tool must be in the policy catalog and allowed for one of the caller's
/// roles, its arguments must match the tool's schema and pass the input rails, and the turn must not have used
/// up its calls. Tool results are scanned for instructions aimed at the model before the model reads them.
/// </summary>
/// <remarks>Obtain it from <see cref="GuardrailEngine.Tools"/>; it is stateless and shared by all requests.</remarks>
public sealed class ToolGuard
{
    /// <summary>What the model reads instead of a tool result that carried instructions aimed at it.</summary>
    public const string WithheldResult = "[The tool result was withheld because it contained instructions addressed to the assistant.]";

    // Results can be long documents; they are scanned in overlapping pieces so that the input-length rail,
    // which exists for user messages, does not stop the scan.
    private const int ScanPiece = 8_000;
    private const int ScanOverlap = 256;

    // Arguments nest no deeper than any real tool needs; deeper input is refused rather than walked.
    private const int MaxArgumentDepth = 32;

    private static readonly JsonTypeInfo s_argumentsType = AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IReadOnlyDictionary<string, object?>));

    private readonly GuardrailEngine _engine;

    internal ToolGuard(GuardrailEngine engine, ToolRailSettings settings)
    {
        _engine = engine;
        Settings = settings;
    }

    public ToolRailSettings Settings { get; }

    /// <param name="call">The call the model asked for.</param>
    /// <param name="request">The caller; its <see cref="GuardrailRequest.Roles"/> are checked against the tool's roles.</param>
    /// <param name="callIndex">The 0-based position of the call among the calls of this turn.</param>
    public ToolDecision Authorize(ToolCallRequest call, GuardrailRequest? request, int callIndex)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfNegative(callIndex);

        using var activity = GuardrailsTelemetry.StartToolActivity(result: false);
        var decision = Decide(call, request ?? GuardrailRequest.Empty, callIndex, out var known);
        GuardrailsTelemetry.RecordToolDecision(activity, known ? call.Name : GuardrailsTelemetry.UnknownToolName, call.CallId, decision, _engine.Policy.Version);
        return decision;
    }

    /// <summary>Scans a tool result for indirect prompt injection.</summary>
    /// <param name="toolName">The tool that produced the result.</param>
    /// <param name="result">The result as the model would read it.</param>
    /// <param name="request">The caller, passed on to the rails.</param>
    public ToolResultVerdict ScanResult(string toolName, string result, GuardrailRequest? request)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(result);

        if (!Settings.Enabled || !Settings.ScanResults)
        {
            return new ToolResultVerdict(false, Settings.Mode, [], result);
        }

        using var activity = GuardrailsTelemetry.StartToolActivity(result: true);
        var findings = FindInjections(result, request);
        var found = findings.Count > 0;
        var verdict = new ToolResultVerdict(found, Settings.Mode, findings, found && Settings.Mode == RailMode.Enforce ? WithheldResult : result);
        var name = Settings.Catalog.ContainsKey(toolName) ? toolName : GuardrailsTelemetry.UnknownToolName;
        GuardrailsTelemetry.RecordToolResult(activity, name, verdict, _engine.Policy.Version);
        return verdict;
    }

    private ToolDecision Decide(ToolCallRequest call, GuardrailRequest request, int callIndex, out bool known)
    {
        known = Settings.Catalog.TryGetValue(call.Name, out var tool);
        if (!Settings.Enabled)
        {
            return Make(ToolDecisionKind.Allow, ToolDecisionCategories.RailDisabled, "The tool rail is disabled by the policy.");
        }

        if (callIndex >= Settings.MaxCallsPerTurn)
        {
            return Make(
                ToolDecisionKind.Deny,
                ToolDecisionCategories.TooManyCalls,
                $"This turn already made {Settings.MaxCallsPerTurn} tool calls, the most the policy allows; answer with what you have.");
        }

        if (tool is null)
        {
            return Make(ToolDecisionKind.Deny, ToolDecisionCategories.UnknownTool, "The tool is not in the policy catalog.");
        }

        if (!tool.Admits(request.Roles))
        {
            return Make(ToolDecisionKind.Deny, ToolDecisionCategories.RoleNotAllowed, $"The caller's roles may not use {tool.Name}.");
        }

        JsonElement arguments;
        try
        {
            arguments = JsonSerializer.SerializeToElement(call.Arguments, s_argumentsType);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return Make(ToolDecisionKind.Deny, ToolDecisionCategories.InvalidArguments, "The arguments could not be read as JSON.");
        }

        if (tool.Arguments.Validate(arguments) is { } invalid)
        {
            return Make(ToolDecisionKind.Deny, ToolDecisionCategories.InvalidArguments, invalid);
        }

        if (FirstBlockedArgument(arguments, request, string.Empty, depth: 0) is { } rejected)
        {
            if (rejected.Verdict is not { } verdict)
            {
                return Make(ToolDecisionKind.Deny, ToolDecisionCategories.InvalidArguments, $"Argument {rejected.Path} nests more than {MaxArgumentDepth} levels deep.");
            }

            var categories = string.Join(", ", verdict.Findings.Where(f => f.Action == RailAction.Block).Select(f => f.Category).Distinct());
            return Make(
                ToolDecisionKind.Deny,
                ToolDecisionCategories.ArgumentRejected,
                $"Argument {rejected.Path} was rejected by the input rails ({categories}).",
                verdict.Findings);
        }

        return tool.RequiresApproval
            ? Make(ToolDecisionKind.PendingApproval, ToolDecisionCategories.ApprovalRequired, $"{tool.Name} needs a person's approval before it runs.")
            : Make(ToolDecisionKind.Allow, ToolDecisionCategories.Allowed, $"{tool.Name} is allowed.");
    }

    private ToolDecision Make(ToolDecisionKind kind, string category, string reason, IReadOnlyList<RailFinding>? findings = null) =>
        new(kind, category, reason, Settings.Mode, findings ?? []);

    /// <summary>Runs every string in the arguments through the input rails; returns the first one they block (no verdict: too deep).</summary>
    private (string Path, GuardrailVerdict? Verdict)? FirstBlockedArgument(JsonElement value, GuardrailRequest request, string path, int depth)
    {
        if (depth > MaxArgumentDepth)
        {
            return (path, null);
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var verdict = _engine.Evaluate(value.GetString(), RailStage.Input, request);
                return verdict.IsBlocked ? (path, verdict) : null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (FirstBlockedArgument(item, request, $"{path}/{index++}", depth + 1) is { } blocked)
                    {
                        return blocked;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    var at = $"{path}/{property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                    if (FirstBlockedArgument(property.Value, request, at, depth + 1) is { } blocked)
                    {
                        return blocked;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private List<RailFinding> FindInjections(string result, GuardrailRequest? request)
    {
        var findings = new List<RailFinding>();
        var length = _engine.Policy.InputLength.Enabled ? Math.Min(ScanPiece, _engine.Policy.InputLength.MaxCharacters) : ScanPiece;
        var overlap = Math.Min(ScanOverlap, length / 4);
        for (var start = 0; start < result.Length || start == 0; start += length - overlap)
        {
            var piece = result.Substring(start, Math.Min(length, result.Length - start));
            foreach (var finding in _engine.Evaluate(piece, RailStage.Input, request).Findings)
            {
                if (finding.Rail == PromptInjectionRail.Name && finding.Action == RailAction.Block)
                {
                    findings.Add(finding with { Evidence = [.. finding.Evidence.Select(e => e with { Start = e.Start + start })] });
                }
            }

            if (start + length >= result.Length)
            {
                break;
            }
        }

        return findings;
    }
}
