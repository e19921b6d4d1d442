using Microsoft.Extensions.AI;

namespace GoldenPath.Retrieval.Tests.Chat;

public sealed class ExtractiveChatClientTests
{
    private static readonly RetrievedPassage[] s_passages =
    [
        new("vpn-guide", "VPN guide", "Install the VPN client from the software centre. Sign in with your badge number.", 0.03),
        new("travel-policy", "Travel policy", "# Booking\nBook flights at least 14 days ahead. Hotels are booked through the travel portal.", 0.02),
    ];

    private static List<ChatMessage> Conversation(string question, params RetrievedPassage[] passages) =>
    [
        new(ChatRole.System, "Answer only from the documents."),
        new(ChatRole.User, UntrustedContext.Format(passages.Length == 0 ? s_passages : passages)),
        new(ChatRole.User, question),
    ];

    [Fact]
    public async Task GetResponseAsync_QuotesTheBestSentenceWithItsCitation()
    {
        using var client = new ExtractiveChatClient();

        var response = await client.GetResponseAsync(Conversation("How many days ahead must I book flights?"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("Book flights at least 14 days ahead. [travel-policy]", response.Text, StringComparison.Ordinal);
        Assert.Equal(ExtractiveChatClient.ModelId, response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(ChatRole.Assistant, response.Messages.Single().Role);
    }

    [Fact]
    public async Task GetResponseAsync_OrdersByOverlapThenDocumentOrderAndQuotesAtMostThree()
    {
        using var client = new ExtractiveChatClient();
        var passage = new RetrievedPassage(
            "badges",
            "Badges",
            "Badges open doors. Lost badges are replaced at reception. Visitors get a paper badge. Contractors renew badges yearly. Reception replaces lost badges same day.",
            0.1);

        var response = await client.GetResponseAsync(Conversation("Where are lost badges replaced?", passage), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            "Lost badges are replaced at reception. [badges] Reception replaces lost badges same day. [badges] Badges open doors. [badges]",
            response.Text);
    }

    [Theory]
    [InlineData("What is the cafeteria menu?")]
    [InlineData("the of and is")]
    public async Task GetResponseAsync_AnswersNoAnswerWhenNothingOverlaps(string question)
    {
        using var client = new ExtractiveChatClient();

        var response = await client.GetResponseAsync(Conversation(question), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("I couldn't find that in the documents you have access to.", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_AnswersNoAnswerWithoutDocuments()
    {
        using var client = new ExtractiveChatClient();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "How do I book flights?")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExtractiveChatClient.NoAnswer, response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_UsesTheLastUserMessageWithoutDocumentsAsTheQuestion()
    {
        using var client = new ExtractiveChatClient();
        List<ChatMessage> messages =
        [
            new(ChatRole.User, "How do I book flights?"),
            new(ChatRole.Assistant, "Book flights at least 14 days ahead. [travel-policy]"),
            new(ChatRole.User, UntrustedContext.Format(s_passages)),
            new(ChatRole.User, "How do I sign in to the VPN?"),
        ];

        var response = await client.GetResponseAsync(messages, cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("Install the VPN client from the software centre. [vpn-guide]", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("travel-policy", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_QuotesTheOriginalTextNotItsEscapedForm()
    {
        using var client = new ExtractiveChatClient();
        var passage = new RetrievedPassage("shell", "Shell", "Redirect output with cmd > out.txt & wait.", 0.1);

        var response = await client.GetResponseAsync(Conversation("How do I redirect output?", passage), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Redirect output with cmd > out.txt & wait. [shell]", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_IsDeterministicAndCountsWhitespaceWords()
    {
        using var client = new ExtractiveChatClient();
        var messages = Conversation("Which portal books hotels?");

        var first = await client.GetResponseAsync(messages, cancellationToken: TestContext.Current.CancellationToken);
        var second = await new ExtractiveChatClient().GetResponseAsync(messages, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.Text, second.Text);
        var input = messages.Sum(m => m.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        var output = first.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(input, first.Usage!.InputTokenCount);
        Assert.Equal(output, first.Usage.OutputTokenCount);
        Assert.Equal(input + output, first.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamsTheSameAnswerWordByWordWithUsageLast()
    {
        using var client = new ExtractiveChatClient();
        var messages = Conversation("How many days ahead must I book flights?");
        var expected = await client.GetResponseAsync(messages, cancellationToken: TestContext.Current.CancellationToken);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages, cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal(expected.Text.Split(' ').Length + 1, updates.Count);
        Assert.All(updates[..^1], u => Assert.Single(u.Text.Trim().Split(' ')));
        Assert.Equal(expected.Text, string.Concat(updates.Select(u => u.Text)));
        var usage = Assert.IsType<UsageContent>(Assert.Single(updates[^1].Contents));
        Assert.Equal(expected.Usage!.TotalTokenCount, usage.Details.TotalTokenCount);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);

        var coalesced = updates.ToChatResponse();
        Assert.Equal(expected.Text, coalesced.Text);
        Assert.Equal(expected.Usage.OutputTokenCount, coalesced.Usage!.OutputTokenCount);
    }

    [Fact]
    public void GetService_DescribesTheOfflineModel()
    {
        IChatClient client = new ExtractiveChatClient();

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("goldenpath-offline", metadata.ProviderName);
        Assert.Equal("goldenpath-extractive", metadata.DefaultModelId);
        Assert.Same(client, client.GetService<ExtractiveChatClient>());
        Assert.Null(client.GetService<ChatClientMetadata>("keyed"));
    }
}
