using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails.Tests;

/// <summary>
/// Stands in for a model that calls tools: each request is answered with the next scripted message (tool calls or
/// text), and every conversation it receives is kept so tests can see exactly what the model was shown.
/// </summary>
internal sealed class ScriptedChatClient(params ChatMessage[] script) : IChatClient
{
    private int _next;

    public List<List<ChatMessage>> Requests { get; } = [];

    /// <summary>The tool results the model was shown, over all requests, by call id (the last one seen wins).</summary>
    public Dictionary<string, object?> ResultsSeen { get; } = new(StringComparer.Ordinal);

    public static ChatMessage Calls(params (string CallId, string Name, Dictionary<string, object?> Arguments)[] calls) =>
        new(ChatRole.Assistant, [.. calls.Select(c => (AIContent)new FunctionCallContent(c.CallId, c.Name, c.Arguments))]);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(Next(messages)) { ResponseId = $"r{_next}" });

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = new ChatResponse(Next(messages)) { ResponseId = $"r{_next}" };
        foreach (var update in response.ToChatResponseUpdates())
        {
            await Task.Yield();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private ChatMessage Next(IEnumerable<ChatMessage> messages)
    {
        List<ChatMessage> copy = [.. messages];
        Requests.Add(copy);
        foreach (var result in copy.SelectMany(m => m.Contents).OfType<FunctionResultContent>())
        {
            ResultsSeen[result.CallId] = result.Result;
        }

        return _next < script.Length ? script[_next++] : new ChatMessage(ChatRole.Assistant, "Done.");
    }
}
