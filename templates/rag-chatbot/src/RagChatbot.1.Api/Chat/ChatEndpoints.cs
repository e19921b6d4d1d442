using GoldenPath.AspNetCore.Limits;
using GoldenPath.AspNetCore.Web;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace RagChatbot._1.Api.Chat;

public static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // No AllowAnonymous here: the fallback policy requires an authenticated caller.
        endpoints.MapPost("/api/chat", HandleAsync)
            .WithName("Chat")
            .Accepts<ChatRequest>("application/json")
            .Produces<ChatReply>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        ChatTurn turn,
        IOptions<JsonOptions> json,
        ChatMessageLimits limits,
        CancellationToken cancellationToken)
    {
        var request = await JsonRequestReader.ReadAsync<ChatRequest>(context.Request, json.Value.SerializerOptions, cancellationToken);
        if (request.Problem is not null)
        {
            return request.Problem;
        }

        var message = request.Value!.Message;
        if (limits.Check(message) is { } tooLarge)
        {
            return tooLarge;
        }

        var conversationId = string.IsNullOrWhiteSpace(request.Value.ConversationId) ? Guid.NewGuid().ToString("n") : request.Value.ConversationId;
        if (conversationId.Length > 64)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid conversationId", detail: "A conversationId has at most 64 characters.");
        }

        // The request's token is cancelled when the client disconnects, which cancels the model call too.
        return TypedResults.Ok(await turn.RunAsync(message!, conversationId, context.User, cancellationToken));
    }
}
