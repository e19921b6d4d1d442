using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails.Tests;

/// <summary>Stands in for the model: answers with fixed text and remembers what it was asked.</summary>
internal sealed class FakeChatClient(params string[] answerChunks) : IChatClient
{
    public List<List<ChatMessage>> Requests { get; } = [];

    /// <summary>How many streaming chunks the caller has pulled.</summary>
    public int ChunksPulled { get; private set; }

    public ChatFinishReason FinishReason { get; init; } = ChatFinishReason.Stop;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests.Add([.. messages]);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(answerChunks)))
        {
            FinishReason = FinishReason,
            ResponseId = "r1",
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Requests.Add([.. messages]);
        for (var i = 0; i < answerChunks.Length; i++)
        {
            await Task.Yield();
            ChunksPulled++;
            yield return new ChatResponseUpdate(ChatRole.Assistant, answerChunks[i])
            {
                ResponseId = "r1",
                MessageId = "m1",
                FinishReason = i == answerChunks.Length - 1 ? FinishReason : null,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
