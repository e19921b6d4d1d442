using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace GoldenPath.Fast;

/// <summary>Runs attacks straight against a Microsoft.Extensions.AI pipeline, without an HTTP app around it.</summary>
/// <remarks>Useful to scan a model plus its middleware (guardrails, function invocation) in a unit test or notebook.</remarks>
/// <param name="client">The pipeline under test.</param>
/// <param name="systemPrompt">System prompt placed before the first turn; plant canaries here.</param>
public sealed class ChatClientTarget(IChatClient client, string? systemPrompt = null) : IFastTarget
{
    public async Task<TargetResponse> SendAsync(IReadOnlyList<string> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        if (turns.Count == 0)
        {
            throw new ArgumentException("An attack needs at least one turn.", nameof(turns));
        }

        List<ChatMessage> history = [];
        if (!string.IsNullOrEmpty(systemPrompt))
        {
            history.Add(new ChatMessage(ChatRole.System, systemPrompt));
        }

        var stopwatch = Stopwatch.StartNew();
        var text = string.Empty;
        foreach (var turn in turns)
        {
            history.Add(new ChatMessage(ChatRole.User, turn));
            try
            {
                var response = await client.GetResponseAsync(history, cancellationToken: cancellationToken).ConfigureAwait(false);
                history.AddRange(response.Messages);
                text = response.Text;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // An exception escaping the pipeline is what an app would turn into a 500.
                return new TargetResponse(500, $"{ex.GetType().Name}: {ex.Message}", stopwatch.Elapsed);
            }
        }

        return new TargetResponse(200, text, stopwatch.Elapsed);
    }
}
