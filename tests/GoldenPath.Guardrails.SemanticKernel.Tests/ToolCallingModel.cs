using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails.SemanticKernel.Tests;

/// <summary>
/// Stands in for the model behind a kernel. Each request is answered with the next scripted round: tool calls by
/// function name (matched to the tool names the kernel advertises) or a final text. Every conversation it receives
/// is kept, so tests see exactly what the model was shown.
/// </summary>
internal sealed class ToolCallingModel(params ToolCallingModel.Round[] script) : IChatClient
{
    private int _next;

    public List<List<ChatMessage>> Requests { get; } = [];

    /// <summary>The tool results the model was shown, by call id.</summary>
    public Dictionary<string, string?> ResultsSeen { get; } = new(StringComparer.Ordinal);

    public static Round Calls(params (string CallId, string Function, Dictionary<string, object?> Arguments)[] calls) => new(calls, null);

    public static Round Answer(string text) => new([], text);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<ChatMessage> copy = [.. messages];
        Requests.Add(copy);
        foreach (var result in copy.SelectMany(m => m.Contents).OfType<FunctionResultContent>())
        {
            ResultsSeen[result.CallId] = result.Result?.ToString();
        }

        var round = _next < script.Length ? script[_next++] : Answer("Done.");
        var message = round.Text is not null
            ? new ChatMessage(ChatRole.Assistant, round.Text)
            : new ChatMessage(ChatRole.Assistant, [.. round.ToolCalls.Select(c => (AIContent)new FunctionCallContent(c.CallId, ToolName(options, c.Function), c.Arguments))]);
        return Task.FromResult(new ChatResponse(message) { ResponseId = $"r{_next}" });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", defaultModelId: "fake-model")
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    // The kernel advertises plugin functions under a qualified name; the model answers with that name.
    private static string ToolName(ChatOptions? options, string function) =>
        options?.Tools?.Select(t => t.Name).FirstOrDefault(n => n == function || n.EndsWith(function, StringComparison.Ordinal)) ?? function;

    internal sealed record Round(IReadOnlyList<(string CallId, string Function, Dictionary<string, object?> Arguments)> ToolCalls, string? Text);
}
