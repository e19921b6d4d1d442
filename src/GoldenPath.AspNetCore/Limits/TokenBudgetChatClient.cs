using System.Runtime.CompilerServices;
using System.Text;
using GoldenPath.AspNetCore.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace GoldenPath.AspNetCore.Limits;

/// <summary>
/// Charges each model call to the calling user's token budget: the prompt, counted with the model's tokenizer,
/// before the call (so a spent budget never reaches the model), and the answer, as the provider reports it, after.
/// Calls made outside an authenticated request (background work, tests of the pipeline) are not charged.
/// </summary>
public sealed class TokenBudgetChatClient(IChatClient innerClient, TokenBudget budget, TokenCounter counter, IHttpContextAccessor httpContext, PrincipalClaimOptions claims)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (user, prompt) = Reserve(messages);
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        Settle(user, prompt, response.Usage, response.Text);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (user, prompt) = Reserve(messages);
        var text = new StringBuilder();
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            text.Append(update.Text);
            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            yield return update;
        }

        Settle(user, prompt, usage, text.ToString());
    }

    private (string? User, int PromptTokens) Reserve(IEnumerable<ChatMessage> messages)
    {
        if (httpContext.HttpContext?.User.UserKey(claims) is not { } user)
        {
            return (null, 0);
        }

        var prompt = messages.Sum(m => counter.Count(m.Text));
        if (!budget.TryConsume(user, prompt, out var retryAfter))
        {
            throw new TokenBudgetExceededException(retryAfter);
        }

        return (user, prompt);
    }

    private void Settle(string? user, int promptEstimate, UsageDetails? usage, string answer)
    {
        if (user is null)
        {
            return;
        }

        // The provider's own count is authoritative; the estimate already charged is corrected upwards only.
        var promptCorrection = usage?.InputTokenCount is { } reported && reported > promptEstimate ? (int)(reported - promptEstimate) : 0;
        var output = usage?.OutputTokenCount is { } reportedOutput ? (int)reportedOutput : counter.Count(answer);
        budget.Record(user, promptCorrection + output);
    }
}
