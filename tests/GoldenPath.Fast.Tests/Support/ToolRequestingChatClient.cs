using Microsoft.Extensions.AI;

namespace GoldenPath.Fast.Tests.Support;

/// <summary>Stands in for a model that obeys the attack: it asks for <paramref name="tool"/> once, then answers.</summary>
internal sealed class ToolRequestingChatClient(string tool) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sawResult = messages.SelectMany(message => message.Contents).OfType<FunctionResultContent>().Any();
        var reply = sawResult
            ? new ChatMessage(ChatRole.Assistant, "Done.")
            : new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", tool, new Dictionary<string, object?> { ["orderId"] = "ord-123456" })]);
        return Task.FromResult(new ChatResponse(reply));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scanner does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
