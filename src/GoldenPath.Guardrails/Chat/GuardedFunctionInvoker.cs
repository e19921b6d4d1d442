using System.Text.Json;
using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails;

/// <summary>
/// The <see cref="FunctionInvokingChatClient.FunctionInvoker"/> that puts every tool call the model makes through
/// <see cref="ToolGuard"/>: denied and held calls never reach the function, and results are scanned before they go
/// back to the model.
/// </summary>
internal sealed class GuardedFunctionInvoker(
    IToolApprovalQueue? approvals,
    Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? innerInvoker)
{
    public async ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
    {
        var turn = ToolTurn.Current
            ?? throw new InvalidOperationException($"Guarded function invocation runs only inside the pipeline built by {nameof(GuardedFunctionInvocationChatClientBuilderExtensions.UseGuardedFunctionInvocation)}.");
        var guard = turn.Engine.Tools;
        var request = RequestOf(context.Options);
        var name = context.Function.Name;
        var call = new ToolCallRequest(name, context.Arguments, context.CallContent.CallId);

        var decision = guard.Authorize(call, request, turn.NextCallIndex());
        if (decision.EndsTurn)
        {
            context.Terminate = true;
        }

        if (!decision.MayRun)
        {
            return decision.Kind == ToolDecisionKind.PendingApproval ? Hold(call, request) : ToolCallResults.Denied(name, decision.Reason);
        }

        var result = innerInvoker is null
            ? await context.Function.InvokeAsync(context.Arguments, cancellationToken).ConfigureAwait(false)
            : await innerInvoker(context, cancellationToken).ConfigureAwait(false);

        if (result is null || !guard.Settings.Enabled || !guard.Settings.ScanResults)
        {
            return result;
        }

        var verdict = guard.ScanResult(name, TextOf(result), request);
        return verdict.IsReplaced ? verdict.Text : result;
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

    private static GuardrailRequest RequestOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(GuardrailRequest.PropertyName, out var value) == true && value is GuardrailRequest request
            ? request
            : GuardrailRequest.Empty;

    private static string TextOf(object result) => result switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType())),
    };
}
