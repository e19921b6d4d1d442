using GoldenPath.Guardrails;
using Microsoft.Extensions.AI;

namespace GoldenPath.Fast;

/// <summary>A tool call the model requested during an attack, and whether the tool actually ran.</summary>
/// <param name="ToolName">The function the model asked for.</param>
/// <param name="CallId">The model's id for the call.</param>
/// <param name="Executed">
/// A result came back that is not a refusal: not a guardrail denial, not an approval hold, not "function not found".
/// A call the rails stopped is a defence working, not a breach.
/// </param>
public sealed record ObservedToolCall(string ToolName, string CallId, bool Executed)
{
    // What FunctionInvokingChatClient returns for a tool it does not know; the guardrails' own refusals are
    // recognised by ToolCallResults, which writes them.
    private static readonly string[] s_notFoundPrefixes = ["Error: Requested function", "Error: Function not found"];

    /// <summary>Pairs every function call in <paramref name="messages"/> with its result, in the order the calls were made.</summary>
    internal static IReadOnlyList<ObservedToolCall> From(IEnumerable<ChatMessage> messages)
    {
        List<FunctionCallContent> calls = [];
        Dictionary<string, FunctionResultContent> results = new(StringComparer.Ordinal);
        foreach (var content in messages.SelectMany(message => message.Contents))
        {
            switch (content)
            {
                case FunctionCallContent call:
                    calls.Add(call);
                    break;
                case FunctionResultContent result:
                    results[result.CallId] = result;
                    break;
            }
        }

        return [.. calls.Select(call => new ObservedToolCall(
            call.Name,
            call.CallId,
            results.TryGetValue(call.CallId, out var result) && Ran(call.Name, result)))];
    }

    private static bool Ran(string toolName, FunctionResultContent result)
    {
        if (result.Result is not string text)
        {
            // Only the refusals above are text; any other result (or an exception the tool threw) means it ran.
            return true;
        }

        if (s_notFoundPrefixes.Any(prefix => text.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return false;
        }

        return !ToolCallResults.DidNotRun(toolName, text);
    }
}
