using System.Text.Json;
using Microsoft.SemanticKernel;

namespace GoldenPath.Guardrails.SemanticKernel;

/// <summary>
/// Decides each function call the model asks for with the policy's tool rail: the function must be in the
/// catalog (as <c>plugin-function</c>) and allowed for one of the caller's roles, its arguments must match the
/// schema and pass the input rails, and a function that requires approval is queued instead of run. The result
/// is scanned for injected instructions before it goes back to the model.
/// </summary>
/// <remarks>
/// Only calls handed over by <see cref="ToolLimitAutoFunctionInvocationFilter"/> are guarded: functions the
/// application invokes itself, prompt functions included, are its own decision and pass straight through.
/// </remarks>
public sealed class ToolGuardFunctionInvocationFilter(IToolApprovalQueue? approvals = null) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        var modelCall = ModelToolCall.Current;
        if (modelCall is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // Functions the tool itself invokes are the application's, not the model's.
        ModelToolCall.Current = null;

        var guard = modelCall.Engine.Tools;
        var request = context.Kernel.GetGuardrailRequest();
        var name = KernelGuardrailContext.ToolName(context.Function);
        var call = new ToolCallRequest(name, context.Arguments, modelCall.CallId ?? string.Empty);

        var decision = guard.Authorize(call, request, modelCall.Index);
        modelCall.EndsTurn = decision.EndsTurn;
        if (!decision.MayRun)
        {
            var message = decision.Kind == ToolDecisionKind.PendingApproval
                ? Hold(call, request)
                : ToolCallResults.Denied(name, decision.Reason);
            context.Result = new FunctionResult(context.Function, message, metadata: new Dictionary<string, object?> { [nameof(ToolDecision)] = decision });
            return;
        }

        await next(context).ConfigureAwait(false);

        if (context.IsStreaming || !guard.Settings.Enabled || !guard.Settings.ScanResults || context.Result.GetValue<object>() is not { } value)
        {
            return;
        }

        var verdict = guard.ScanResult(name, TextOf(value), request);
        if (verdict.IsReplaced)
        {
            context.Result = new FunctionResult(context.Result, verdict.Text);
        }
    }

    private string Hold(ToolCallRequest call, GuardrailRequest request)
    {
        if (approvals is null)
        {
            // Fail closed: without a queue nobody could ever approve the call.
            return ToolCallResults.ApprovalUnavailable(call.Name);
        }

        var ticket = approvals.Enqueue(call, request);
        return ToolCallResults.PendingApproval(call.Name, ticket);
    }

    private static string TextOf(object value) => value switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
        _ => JsonSerializer.Serialize(value, Microsoft.Extensions.AI.AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType())),
    };
}
