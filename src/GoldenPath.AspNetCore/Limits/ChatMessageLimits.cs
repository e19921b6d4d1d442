using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Limits;

/// <summary>Checks one user message against the configured size limits, in characters and in model tokens.</summary>
public sealed class ChatMessageLimits(IOptions<RequestLimitsOptions> options, TokenCounter counter)
{
    /// <summary>Null when the message may proceed; otherwise the problem to return, naming the limit and its value.</summary>
    public IResult? Check(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing message", detail: "Send a non-empty 'message' string.");
        }

        var limits = options.Value;
        // The cheap character check runs first, so an enormous message is never tokenized.
        if (message.Length > limits.MaxMessageCharacters)
        {
            return TooLarge($"The message has {message.Length} characters; the limit is {limits.MaxMessageCharacters}.");
        }

        var tokens = counter.Count(message);
        return tokens > limits.MaxMessageTokens
            ? TooLarge($"The message has {tokens} tokens; the limit is {limits.MaxMessageTokens}.")
            : null;
    }

    private static IResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Message too long", detail: detail + " Shorten it or split it into several turns.");
}
