using System.Net.Http.Json;
using System.Text.Json;

namespace RagChatbot._1.Tests.Chat;

/// <summary>The reply as a client sees it on the wire.</summary>
internal sealed record ChatReplyDto(string Answer, List<CitationDto> Citations, VerdictDto Verdict, string ConversationId);

internal sealed record CitationDto(string Id, string Title);

internal sealed record VerdictDto(string Action, string PolicyVersion, List<FindingDto> Findings);

internal sealed record FindingDto(string Rail, string Stage, string Action, string Category, double Score, string Mode);

internal static class ChatApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<ChatReplyDto> AskAsync(this HttpClient client, string message)
    {
        var response = await client.PostAsJsonAsync("/api/chat", new { message }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChatReplyDto>(Json, TestContext.Current.CancellationToken))!;
    }
}
