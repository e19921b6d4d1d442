using GoldenPath.Fast.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace GoldenPath.Fast.Tests.Targets;

public sealed class HttpChatTargetTests
{
    [Fact]
    public async Task Sends_every_turn_in_one_conversation_with_the_token_and_reads_the_last_answer()
    {
        await using var server = await ChatTestServer.StartAsync(message => Results.Json(new { answer = $"echo: {message}" }), TestContext.Current.CancellationToken);
        using var client = server.CreateClient();

        var response = await new HttpChatTarget(client, "token-123").SendAsync(["first", "second"], TestContext.Current.CancellationToken);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("echo: second", response.Text);
        var turns = server.Received.ToArray();
        Assert.Equal(["first", "second"], turns.Select(t => t.Message));
        Assert.Single(turns.Select(t => t.ConversationId).Distinct());
        Assert.All(turns, t => Assert.Equal("Bearer token-123", t.Authorization));
    }

    [Fact]
    public async Task Problem_details_become_the_text_and_later_turns_are_not_sent()
    {
        await using var server = await ChatTestServer.StartAsync(
            _ => Results.Problem(title: "Input blocked", detail: "Prompt injection detected.", statusCode: 400),
            TestContext.Current.CancellationToken);
        using var client = server.CreateClient();

        var response = await new HttpChatTarget(client, "t").SendAsync(["one", "two"], TestContext.Current.CancellationToken);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("Input blocked: Prompt injection detected.", response.Text);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Connection_failure_is_status_zero_with_the_error_message()
    {
        using var client = new HttpClient { BaseAddress = ClosedPort.Create() };

        var response = await new HttpChatTarget(client, "t").SendAsync(["hello"], TestContext.Current.CancellationToken);

        Assert.Equal(TargetResponse.NoResponse, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(response.Text));
    }
}
