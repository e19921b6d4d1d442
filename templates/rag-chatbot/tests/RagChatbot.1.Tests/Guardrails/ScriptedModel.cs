using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace RagChatbot._1.Tests.Guardrails;

/// <summary>
/// Stands in for the model behind the guarded pipeline: it says what the test scripts and records what reached it,
/// so a test can show what the rails let through in both directions.
/// </summary>
internal sealed class ScriptedModel : IChatClient
{
    private readonly Lock _gate = new();
    private readonly List<ModelCall> _calls = [];
    private Func<IReadOnlyList<ChatMessage>, string> _answer = _ => "I couldn't find that in the documents you have access to.";

    /// <summary>The calls that reached the model since the last script, oldest first.</summary>
    public IReadOnlyList<ModelCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Answers every following call with <paramref name="answer"/> and forgets earlier calls.</summary>
    public void Says(string answer) => Says(_ => answer);

    /// <summary>Answers every following call with a text made from the conversation it receives.</summary>
    public void Says(Func<IReadOnlyList<ChatMessage>, string> answer)
    {
        lock (_gate)
        {
            _answer = answer;
            _calls.Clear();
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> received = [.. messages];
        string text;
        lock (_gate)
        {
            _calls.Add(new ModelCall(received, options));
            text = _answer(received);
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));
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
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}

/// <summary>One conversation as the model received it.</summary>
internal sealed record ModelCall(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)
{
    /// <summary>The user's own message: the last user message that is not retrieved context.</summary>
    public string Question => Messages.Last(m => m.Role == ChatRole.User).Text;

    public string SystemPrompt => string.Join('\n', Messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
}
