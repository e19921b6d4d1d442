using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails;

/// <summary>
/// Applies input rails to the user's latest message before the model sees it and output rails to the answer
/// before the caller sees it. The combined verdict is attached to the response under
/// <see cref="GuardrailVerdict.PropertyName"/>.
/// </summary>
/// <remarks>
/// Streaming answers are released a sentence or line at a time: text is held until a boundary, redacted, then
/// emitted, so a redacted value is never half sent. Every update is also checked with the recent context, and
/// a block (a canary leak, say) ends the stream at once with the refusal and
/// <see cref="ChatFinishReason.ContentFilter"/>. The last update carries the verdict.
/// </remarks>
public sealed class GuardrailsChatClient : DelegatingChatClient
{
    private readonly Func<GuardrailEngine> _engine;

    /// <summary>Guards every call with one fixed engine.</summary>
    public GuardrailsChatClient(IChatClient innerClient, GuardrailEngine engine)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = () => engine;
    }

    /// <summary>Guards every call with the store's active version, so an activation or rollback applies from the next call.</summary>
    public GuardrailsChatClient(IChatClient innerClient, GuardrailPolicyStore store)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(store);
        _engine = () => store.Current;
    }

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        // One engine for the whole call: input and output verdicts must name the same policy version.
        var engine = _engine();
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var request = RequestFor(list, options);
        var (guarded, inputVerdict) = GuardInput(engine, list, request);
        if (inputVerdict?.IsBlocked == true)
        {
            return Refusal(engine, inputVerdict);
        }

        var response = await base.GetResponseAsync(guarded, options, cancellationToken).ConfigureAwait(false);

        GuardrailVerdict? outputVerdict = null;
        var blocked = false;
        for (var i = 0; i < response.Messages.Count; i++)
        {
            var message = response.Messages[i];
            if (message.Role != ChatRole.Assistant || string.IsNullOrEmpty(message.Text))
            {
                continue;
            }

            var verdict = engine.EvaluateOutput(message.Text, request);
            outputVerdict = outputVerdict is null ? verdict : GuardrailVerdict.Combine(outputVerdict, verdict);
            blocked |= verdict.IsBlocked;
            if (verdict.Action == RailAction.Redact)
            {
                response.Messages[i] = WithText(message, verdict.Text);
            }
        }

        outputVerdict ??= engine.EvaluateOutput(string.Empty, request);
        if (blocked)
        {
            response.Messages = [new ChatMessage(ChatRole.Assistant, engine.RefusalMessage)];
            response.FinishReason = ChatFinishReason.ContentFilter;
        }

        var combined = inputVerdict is null ? outputVerdict : GuardrailVerdict.Combine(inputVerdict, outputVerdict);
        (response.AdditionalProperties ??= [])[GuardrailVerdict.PropertyName] = combined;
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        var engine = _engine();
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var request = RequestFor(list, options);
        var (guarded, inputVerdict) = GuardInput(engine, list, request);
        if (inputVerdict?.IsBlocked == true)
        {
            yield return RefusalUpdate(engine, inputVerdict, template: null);
            yield break;
        }

        var guard = new StreamingOutputGuard(engine, request);
        ChatResponseUpdate? last = null;
        ChatFinishReason? finishReason = null;

        await foreach (var update in base.GetStreamingResponseAsync(guarded, options, cancellationToken).ConfigureAwait(false))
        {
            last = update;
            finishReason = update.FinishReason ?? finishReason;

            var text = TextOf(update);
            if (text.Length == 0 && !HasText(update))
            {
                // Tool calls, usage and metadata pass straight through; the finish reason comes at the end.
                var passThrough = update.Clone();
                passThrough.FinishReason = null;
                yield return passThrough;
                continue;
            }

            var release = guard.Append(text);
            if (guard.IsBlocked)
            {
                yield return RefusalUpdate(engine, Finish(engine, guard, inputVerdict), update);
                yield break;
            }

            var outgoing = WithText(update, release);
            if (outgoing.Contents.Count > 0)
            {
                yield return outgoing;
            }
        }

        var rest = guard.Complete();
        if (guard.IsBlocked)
        {
            yield return RefusalUpdate(engine, Finish(engine, guard, inputVerdict), last);
            yield break;
        }

        var final = new ChatResponseUpdate(ChatRole.Assistant, rest.Length > 0 ? [new TextContent(rest)] : [])
        {
            ResponseId = last?.ResponseId,
            MessageId = last?.MessageId,
            ConversationId = last?.ConversationId,
            ModelId = last?.ModelId,
            FinishReason = finishReason,
            AdditionalProperties = new() { [GuardrailVerdict.PropertyName] = Finish(engine, guard, inputVerdict) },
        };
        yield return final;
    }

    private static GuardrailVerdict Finish(GuardrailEngine engine, StreamingOutputGuard guard, GuardrailVerdict? inputVerdict)
    {
        var output = guard.Verdict;
        engine.Record(RailStage.Output, output);
        return inputVerdict is null ? output : GuardrailVerdict.Combine(inputVerdict, output);
    }

    /// <summary>
    /// Evaluates the last user message that is not marked untrusted and, when it is redacted, returns a copy of
    /// the conversation with that message replaced; the caller's list and messages are never modified.
    /// </summary>
    private static (IEnumerable<ChatMessage> Messages, GuardrailVerdict? Verdict) GuardInput(
        GuardrailEngine engine,
        IReadOnlyList<ChatMessage> list,
        GuardrailRequest request)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var message = list[i];
            if (message.Role != ChatRole.User || IsUntrusted(message))
            {
                continue;
            }

            var verdict = engine.EvaluateInput(message.Text, request);
            if (verdict.Action != RailAction.Redact)
            {
                return (list, verdict);
            }

            var copy = list.ToList();
            copy[i] = WithText(message, verdict.Text);
            return (copy, verdict);
        }

        return (list, null);
    }

    /// <summary>
    /// The host's request (roles, restricted-content probe) from the chat options, completed from the conversation:
    /// the system messages are the system prompt and the untrusted messages are the context an answer must rest on.
    /// </summary>
    private static GuardrailRequest RequestFor(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var given = options?.AdditionalProperties?.TryGetValue(GuardrailRequest.PropertyName, out var value) == true
            ? value as GuardrailRequest
            : null;
        var request = given ?? GuardrailRequest.Empty;
        var systemPrompt = request.SystemPrompt;
        if (systemPrompt is null)
        {
            var system = messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text).Where(t => t.Length > 0).ToList();
            systemPrompt = system.Count > 0 ? string.Join('\n', system) : null;
        }

        var context = request.Context.Count > 0
            ? request.Context
            : [.. messages.Where(IsUntrusted).Select(m => m.Text).Where(t => t.Length > 0)];

        return ReferenceEquals(systemPrompt, request.SystemPrompt) && ReferenceEquals(context, request.Context)
            ? request
            : new GuardrailRequest
            {
                SystemPrompt = systemPrompt,
                Context = context,
                Roles = request.Roles,
                RestrictedContent = request.RestrictedContent,
            };
    }

    private static bool IsUntrusted(ChatMessage message) =>
        message.AdditionalProperties?.TryGetValue(UntrustedContent.PropertyName, out var value) == true
        && value switch
        {
            bool flag => flag,
            string text => bool.TryParse(text, out var parsed) && parsed,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            _ => false,
        };

    /// <summary>A copy of <paramref name="message"/> whose text parts are replaced by one text part.</summary>
    private static ChatMessage WithText(ChatMessage message, string text)
    {
        var copy = message.Clone();
        copy.Contents = [new TextContent(text), .. message.Contents.Where(c => c is not TextContent)];
        return copy;
    }

    private static ChatResponseUpdate WithText(ChatResponseUpdate update, string text)
    {
        var copy = update.Clone();
        copy.FinishReason = null;
        List<AIContent> contents = text.Length > 0 ? [new TextContent(text)] : [];
        contents.AddRange(update.Contents.Where(c => c is not TextContent));
        copy.Contents = contents;
        return copy;
    }

    private static bool HasText(ChatResponseUpdate update) => update.Contents.Any(c => c is TextContent);

    private static string TextOf(ChatResponseUpdate update) => update.Text ?? string.Empty;

    private static ChatResponse Refusal(GuardrailEngine engine, GuardrailVerdict verdict) =>
        new(new ChatMessage(ChatRole.Assistant, engine.RefusalMessage))
        {
            FinishReason = ChatFinishReason.ContentFilter,
            AdditionalProperties = new() { [GuardrailVerdict.PropertyName] = verdict },
        };

    private static ChatResponseUpdate RefusalUpdate(GuardrailEngine engine, GuardrailVerdict verdict, ChatResponseUpdate? template) =>
        new(ChatRole.Assistant, engine.RefusalMessage)
        {
            ResponseId = template?.ResponseId,
            MessageId = template?.MessageId,
            ConversationId = template?.ConversationId,
            ModelId = template?.ModelId,
            FinishReason = ChatFinishReason.ContentFilter,
            AdditionalProperties = new() { [GuardrailVerdict.PropertyName] = verdict },
        };
}
