using GoldenPath.Fast.Tests.Support;
using Microsoft.Extensions.AI;

namespace GoldenPath.Fast.Tests.Targets;

public sealed class ChatClientTargetTests
{
    [Fact]
    public async Task Keeps_the_system_prompt_and_history_across_turns()
    {
        var client = new FakeChatClient(messages => $"reply {messages.Count}");

        var response = await new ChatClientTarget(client, "You are the HR assistant.").SendAsync(["a", "b"], TestContext.Current.CancellationToken);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("reply 4", response.Text);
        var last = client.Calls[^1];
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], last.Select(m => m.Role));
        Assert.Equal("You are the HR assistant.", last[0].Text);
    }

    [Fact]
    public async Task A_throwing_pipeline_is_reported_as_a_server_error()
    {
        var client = new FakeChatClient(_ => throw new InvalidOperationException("model unavailable"));

        var response = await new ChatClientTarget(client).SendAsync(["a"], TestContext.Current.CancellationToken);

        Assert.Equal(500, response.StatusCode);
        Assert.Contains("model unavailable", response.Text, StringComparison.Ordinal);
    }
}
