using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenPath.AspNetCore.Tests.Models;

/// <summary>The registered chat pipeline against the OpenAI wire format, as OpenAI and as Azure OpenAI's <c>/openai/v1/</c>.</summary>
public sealed class ProviderChatTests
{
    private const string Question = "When is the office closed?";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("AzureOpenAI")]
    public async Task AnswerCarriesTheProvidersTokenUsage(string provider)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        await using var app = await ModelTestHost.StartAsync(stub, provider);
        var chat = app.Services.GetRequiredService<IChatClient>();

        var response = await chat.GetResponseAsync(Question, cancellationToken: Cancellation);

        Assert.Equal(stub.Answer, response.Text);
        Assert.Equal(OpenAICompatibleStub.PromptTokens, response.Usage?.InputTokenCount);
        Assert.Equal(OpenAICompatibleStub.CompletionTokens(stub.Answer), response.Usage?.OutputTokenCount);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(stub.EndpointFor(provider).AbsolutePath + "chat/completions", request.Path);
        Assert.Equal($"Bearer {ModelTestHost.ApiKey}", request.Authorization);
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("AzureOpenAI")]
    public async Task StreamedAnswerIsAssembledFromDeltasWithUsage(string provider)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        await using var app = await ModelTestHost.StartAsync(stub, provider);
        var chat = app.Services.GetRequiredService<IChatClient>();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(Question, cancellationToken: Cancellation))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal(stub.Answer, response.Text);
        Assert.Equal(OpenAICompatibleStub.PromptTokens, response.Usage?.InputTokenCount);
        Assert.Equal(OpenAICompatibleStub.CompletionTokens(stub.Answer), response.Usage?.OutputTokenCount);
        // The stub answers a streaming request word by word over SSE, so this text was assembled from deltas.
        var request = Assert.Single(stub.Requests);
        Assert.True((bool?)request.Body["stream"]);
        Assert.True((bool?)request.Body["stream_options"]?["include_usage"]);
    }

    [Theory]
    [InlineData("OpenAI", false)]
    [InlineData("OpenAI", true)]
    [InlineData("AzureOpenAI", false)]
    [InlineData("AzureOpenAI", true)]
    public async Task ToolCallRoundTripFeedsTheFunctionResultBackToTheModel(string provider, bool streaming)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.ToolCall("get_office_hours", """{"city":"Oslo"}"""));
        using var policy = ToolPolicy.Allowing("get_office_hours", role: "employee");
        await using var app = await ModelTestHost.StartAsync(stub, provider, settings => settings["GoldenPath:Guardrails:PolicyPath"] = policy.Path);
        var chat = app.Services.GetRequiredService<IChatClient>();
        var cities = new List<string>();
        var lookup = AIFunctionFactory.Create(
            (string city) =>
            {
                cities.Add(city);
                return $"{city} office is closed on 25 December";
            },
            "get_office_hours",
            "Looks up when an office is closed.");
        var options = new ChatOptions { Tools = [lookup], AdditionalProperties = ToolPolicy.Caller("employee") };

        var response = streaming
            ? await chat.GetStreamingResponseAsync(Question, options, Cancellation).ToChatResponseAsync(Cancellation)
            : await chat.GetResponseAsync(Question, options, Cancellation);

        Assert.Equal(["Oslo"], cities);
        Assert.StartsWith(OpenAICompatibleStub.ToolAnswerPrefix, response.Text);
        Assert.Contains("Oslo office is closed on 25 December", response.Text);
        var requests = stub.ChatRequests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("get_office_hours", (string?)requests[0].Body["tools"]?[0]?["function"]?["name"]);
        var toolMessage = requests[1].Body["messages"]!.AsArray().Single(m => (string?)m?["role"] == "tool");
        Assert.Equal("call_stub_1", (string?)toolMessage?["tool_call_id"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tool_the_policy_does_not_allow_is_never_run(bool listed)
    {
        await using var stub = await OpenAICompatibleStub.StartAsync();
        stub.Script.Enqueue(new StubReply.ToolCall("get_office_hours", """{"city":"Oslo"}"""));
        using var policy = ToolPolicy.Allowing("get_office_hours", role: "hr");
        await using var app = await ModelTestHost.StartAsync(stub, "OpenAI", settings =>
        {
            if (listed)
            {
                settings["GoldenPath:Guardrails:PolicyPath"] = policy.Path;
            }
        });
        var chat = app.Services.GetRequiredService<IChatClient>();
        var calls = 0;
        var lookup = AIFunctionFactory.Create((string city) => { calls++; return city; }, "get_office_hours", "Looks up when an office is closed.");

        // Listed for "hr" only and called by an "employee", or not listed at all (the default policy has no tools).
        var options = new ChatOptions { Tools = [lookup], AdditionalProperties = ToolPolicy.Caller("employee") };
        await chat.GetResponseAsync(Question, options, Cancellation);

        Assert.Equal(0, calls);
        var toolMessage = stub.ChatRequests.ToList()[1].Body["messages"]!.AsArray().Single(m => (string?)m?["role"] == "tool");
        Assert.DoesNotContain("Oslo", toolMessage!.ToJsonString(), StringComparison.Ordinal);
    }
}
