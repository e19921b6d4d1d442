using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace GoldenPath.Fast;

/// <summary>Runs attacks straight against a Microsoft.Extensions.AI pipeline, without an HTTP app around it.</summary>
/// <remarks>Useful to scan a model plus its middleware (guardrails, function invocation) in a unit test or notebook.</remarks>
/// <param name="client">The pipeline under test.</param>
/// <param name="systemPrompt">System prompt placed before the first turn; plant canaries here.</param>
/// <param name="callerGroups">
/// Groups of the user the scan runs as. Planted documents restricted to other groups are withheld, as
/// access-controlled retrieval would; pass every group to test what the model does once restricted text reaches it.
/// </param>
/// <param name="chatOptions">
/// Options sent with every turn, for example the tools and the <c>GuardrailRequest</c> of the caller; tool calls the
/// model makes are reported in <see cref="TargetResponse.ToolCalls"/>.
/// </param>
public sealed class ChatClientTarget(
    IChatClient client,
    string? systemPrompt = null,
    IReadOnlyCollection<string>? callerGroups = null,
    ChatOptions? chatOptions = null) : IDocumentTarget
{
    public Task<TargetResponse> SendAsync(IReadOnlyList<string> turns, CancellationToken cancellationToken) =>
        SendAsync(turns, [], cancellationToken);

    public async Task<TargetResponse> SendAsync(IReadOnlyList<string> turns, IReadOnlyList<PlantedDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
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

        var visible = documents.Where(document => document.Groups.Count == 0 || document.Groups.Any(group => callerGroups?.Contains(group) == true)).ToArray();
        if (visible.Length > 0)
        {
            // Retrieved text goes in as context, where a RAG app puts it: this is the indirect injection channel.
            var context = string.Join("\n\n", visible.Select(document => $"[{document.Id}] {document.Title}\n{document.Text}"));
            history.Add(new ChatMessage(ChatRole.User, "Context from the knowledge base:\n" + context));
        }

        var stopwatch = Stopwatch.StartNew();
        var text = string.Empty;
        List<ChatMessage> produced = [];
        foreach (var turn in turns)
        {
            history.Add(new ChatMessage(ChatRole.User, turn));
            try
            {
                // A fresh copy per turn: function invocation may change the options it is given.
                var response = await client.GetResponseAsync(history, chatOptions?.Clone(), cancellationToken).ConfigureAwait(false);
                history.AddRange(response.Messages);
                produced.AddRange(response.Messages);
                text = response.Text;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // An exception escaping the pipeline is what an app would turn into a 500.
                return new TargetResponse(500, $"{ex.GetType().Name}: {ex.Message}", stopwatch.Elapsed) { ToolCalls = ObservedToolCall.From(produced) };
            }
        }

        // Calls from every turn count: a tool that ran in turn one changed the world even if turn two was refused.
        return new TargetResponse(200, text, stopwatch.Elapsed) { ToolCalls = ObservedToolCall.From(produced) };
    }
}
