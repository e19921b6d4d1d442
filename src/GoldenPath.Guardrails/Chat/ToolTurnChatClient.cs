using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails;

/// <summary>Sits just outside <see cref="FunctionInvokingChatClient"/> and opens a <see cref="ToolTurn"/> for each call.</summary>
internal sealed class ToolTurnChatClient(IChatClient innerClient, Func<GuardrailEngine> engine) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        // Set inside an async method, the value flows into the inner call and never back to the caller.
        ToolTurn.Current = new ToolTurn(engine());
        return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var turn = new ToolTurn(engine());
        var previous = ToolTurn.Current;

        // An async iterator resumes in its consumer's context after each yield, so the turn is set again before
        // every step of the inner stream.
        ToolTurn.Current = turn;
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ToolTurn.Current = turn;
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                ToolTurn.Current = previous;
                yield return updates.Current;
            }
        }
        finally
        {
            ToolTurn.Current = previous;
            await updates.DisposeAsync().ConfigureAwait(false);
        }
    }
}
