using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GoldenPath.Guardrails.SemanticKernel;

/// <summary>
/// Works out where each model-requested call stands in the turn and ends the auto-invocation loop once the
/// policy's <c>maxCallsPerTurn</c> is used up. The decision itself is made by
/// <see cref="ToolGuardFunctionInvocationFilter"/>, which this filter hands the call to.
/// </summary>
public sealed class ToolLimitAutoFunctionInvocationFilter : IAutoFunctionInvocationFilter
{
    private readonly Func<GuardrailEngine> _engine;

    public ToolLimitAutoFunctionInvocationFilter(GuardrailEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = () => engine;
    }

    /// <summary>Follows the active version of <paramref name="store"/>; the version is read once per call.</summary>
    public ToolLimitAutoFunctionInvocationFilter(GuardrailPolicyStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _engine = () => store.Current;
    }

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        var call = new ModelToolCall(_engine(), CallIndex(context), context.ToolCallId);
        ModelToolCall.Current = call;
        await next(context).ConfigureAwait(false);
        if (call.EndsTurn)
        {
            context.Terminate = true;
        }
    }

    /// <summary>
    /// The position of the call among the tool calls made since the user's last message. The history already
    /// holds the calls of earlier rounds; the call's own id places it within its round.
    /// </summary>
    internal static int CallIndex(AutoFunctionInvocationContext context)
    {
        var history = context.ChatHistory;
        var start = 0;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].Role == AuthorRole.User)
            {
                start = i + 1;
                break;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordinal = 0;
        for (var i = start; i < history.Count; i++)
        {
            foreach (var item in history[i].Items)
            {
                if (item is not FunctionCallContent call)
                {
                    continue;
                }

                if (call.Id is not null && call.Id == context.ToolCallId)
                {
                    return ordinal;
                }

                if (call.Id is null || seen.Add(call.Id))
                {
                    ordinal++;
                }
            }
        }

        // The round's own message is not in the history: earlier rounds plus the position in this one.
        return ordinal + context.FunctionSequenceIndex;
    }
}
