using Microsoft.Extensions.AI;

namespace GoldenPath.Fast.Tests.Support;

/// <summary>Stands in for the model: answers each conversation through a test-supplied function.</summary>
internal sealed class FakeChatClient(Func<IReadOnlyList<ChatMessage>, string> answer) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Calls { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<ChatMessage> snapshot = [.. messages];
        lock (Calls)
        {
            // Scans run several cases at once; List<T> is not safe for concurrent adds.
            Calls.Add(snapshot);
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(snapshot))));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scanner does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
