using System.Text.Json;
using Microsoft.Extensions.AI;

namespace GoldenPath.Fast;

/// <summary>What a compromised model has in hand for one request: the system prompt and everything else it was shown.</summary>
internal sealed class BreachedConversation
{
    private BreachedConversation(string systemPrompt, IReadOnlyList<string> context)
    {
        SystemPrompt = systemPrompt;
        Context = context;
    }

    /// <summary>All system message text, joined by line breaks.</summary>
    public string SystemPrompt { get; }

    /// <summary>
    /// The text of every non-system message in order, tool results included: retrieved documents and tool output reach a
    /// model through the same window as the user's words, so for a compromised model they are instructions too.
    /// </summary>
    public IReadOnlyList<string> Context { get; }

    public static BreachedConversation From(IReadOnlyList<ChatMessage> messages)
    {
        var system = new List<string>();
        var context = new List<string>();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                system.Add(message.Text);
                continue;
            }

            foreach (var content in message.Contents)
            {
                var text = content switch
                {
                    TextContent plain => plain.Text,
                    FunctionResultContent result => ResultText(result.Result),
                    _ => null,
                };
                if (!string.IsNullOrEmpty(text))
                {
                    context.Add(text);
                }
            }
        }

        return new BreachedConversation(string.Join("\n", system), context);
    }

    private static string? ResultText(object? result) => result switch
    {
        null => null,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonElement element => element.GetRawText(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions),
    };
}
