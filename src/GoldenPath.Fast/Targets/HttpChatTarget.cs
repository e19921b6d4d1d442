using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace GoldenPath.Fast;

/// <summary>Drives a chat endpoint that takes <c>{"message", "conversationId"}</c> and answers <c>{"answer"}</c>.</summary>
/// <param name="client">Client whose <see cref="HttpClient.BaseAddress"/> points at the app.</param>
/// <param name="bearerToken">Token sent as <c>Authorization: Bearer</c>, so the scan runs as a real, authorised user.</param>
/// <param name="path">Chat endpoint, resolved against the base address.</param>
public sealed class HttpChatTarget(HttpClient client, string bearerToken, string path = "/api/chat") : IFastTarget
{
    private const int MaxErrorTextLength = 2_000;

    /// <summary>
    /// The same target, able to plant each case's documents through the app's <c>POST /fast/plant</c> hook before the
    /// turns and to remove them afterwards, so cases with documents run instead of being skipped.
    /// </summary>
    /// <param name="operatorToken">Token of a caller with the <c>fast-operator</c> role; the hook refuses anyone else.</param>
    /// <param name="plantPath">The hook, resolved against the base address.</param>
    public PlantingHttpChatTarget WithPlanting(string operatorToken, string plantPath = PlantingHttpChatTarget.DefaultPlantPath) =>
        new(this, client, operatorToken, plantPath);

    public async Task<TargetResponse> SendAsync(IReadOnlyList<string> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        if (turns.Count == 0)
        {
            throw new ArgumentException("An attack needs at least one turn.", nameof(turns));
        }

        // One id for every turn, so multi-turn escalation happens inside one conversation on the server.
        var conversationId = Guid.NewGuid().ToString("N");
        var stopwatch = Stopwatch.StartNew();
        var text = string.Empty;
        var lastStatus = 0;

        foreach (var turn in turns)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = JsonContent.Create(new ChatRequest(turn, conversationId)),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);

            int status;
            string body;
            try
            {
                using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // A timeout surfaces as TaskCanceledException; only the caller's token means "stop the scan".
                return new TargetResponse(TargetResponse.NoResponse, ex.Message, stopwatch.Elapsed);
            }

            if (status is < 200 or >= 300)
            {
                // Stop at the first refusal: later turns of an escalation make no sense without the earlier answers.
                return new TargetResponse(status, DescribeError(body), stopwatch.Elapsed);
            }

            text = ReadAnswer(body);
            lastStatus = status;
        }

        return new TargetResponse(lastStatus, text, stopwatch.Elapsed);
    }

    private static string ReadAnswer(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("answer", out var answer)
                && answer.ValueKind == JsonValueKind.String)
            {
                return answer.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not the documented shape; fall through and evaluate the raw body, which may still leak.
        }

        return body;
    }

    internal static string DescribeError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                if (title is not null || detail is not null)
                {
                    return string.Join(": ", new[] { title, detail }.Where(part => !string.IsNullOrEmpty(part)));
                }
            }
        }
        catch (JsonException)
        {
            // Plain-text or HTML error page: keep the body itself.
        }

        return body.Length <= MaxErrorTextLength ? body : body[..MaxErrorTextLength];
    }

    private sealed record ChatRequest(string Message, string ConversationId);
}
