using GoldenPath.Guardrails.Tests.Versioning;
using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails.Tests;

public sealed class GuardrailsChatClientStoreTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static GuardrailPolicyStore StoreWithPiiOffVersion()
    {
        var store = new GuardrailPolicyStore(new GuardrailOptions());
        store.Add(TestPolicies.WithoutPii("B"), "upload");
        return store;
    }

    [Fact]
    public async Task Client_follows_an_activation_from_the_next_call()
    {
        var store = StoreWithPiiOffVersion();
        var model = new FakeChatClient("Noted.");
        using var client = new GuardrailsChatClient(model, store);

        var before = await client.GetResponseAsync(TestPolicies.Email, cancellationToken: Cancellation);
        store.Activate("B", "alice", "PII rail off for the HR pilot");
        var after = await client.GetResponseAsync(TestPolicies.Email, cancellationToken: Cancellation);

        Assert.Equal(GuardrailPolicy.Default.Version, before.GetGuardrailVerdict()!.PolicyVersion);
        Assert.Equal("B", after.GetGuardrailVerdict()!.PolicyVersion);
        Assert.Contains("[REDACTED:EMAIL]", model.Requests[0][^1].Text);
        Assert.Contains("jane@example.com", model.Requests[1][^1].Text);
    }

    [Fact]
    public async Task Streaming_client_follows_an_activation_and_a_rollback()
    {
        var store = StoreWithPiiOffVersion();
        using var client = new GuardrailsChatClient(new FakeChatClient("Mail ", "jane@example.com."), store);

        store.Activate("B", "alice", "try B");
        var activated = await StreamAsync(client);
        store.Rollback("alice", "back");
        var rolledBack = await StreamAsync(client);

        Assert.Equal(("B", "Mail jane@example.com."), (activated.Verdict.PolicyVersion, activated.Text));
        Assert.Equal((GuardrailPolicy.Default.Version, "Mail [REDACTED:EMAIL]."), (rolledBack.Verdict.PolicyVersion, rolledBack.Text));
    }

    [Fact]
    public async Task An_activation_during_a_call_does_not_split_its_verdict()
    {
        var store = StoreWithPiiOffVersion();
        var model = new SideEffectChatClient(new FakeChatClient("Reply to hr@example.com."), () => store.Activate("B", "alice", "mid-call"));
        using var client = new GuardrailsChatClient(model, store);

        var response = await client.GetResponseAsync(TestPolicies.Email, cancellationToken: Cancellation);

        // The call started on the default version, so its output is judged by the default version too.
        Assert.Equal("B", store.Active.Id);
        Assert.Equal(GuardrailPolicy.Default.Version, response.GetGuardrailVerdict()!.PolicyVersion);
        Assert.Equal("Reply to [REDACTED:EMAIL].", response.Text);
    }

    [Fact]
    public async Task Builder_prefers_the_store_from_services()
    {
        var store = StoreWithPiiOffVersion();
        var fixedEngine = new GuardrailEngine(GuardrailPolicy.Default, new GuardrailOptions());
        var services = new ServiceMap { [typeof(GuardrailPolicyStore)] = store, [typeof(GuardrailEngine)] = fixedEngine };
        using var client = new ChatClientBuilder(new FakeChatClient("Sure.")).UseGuardrails().Build(services);

        store.Activate("B", "alice", "try B");
        var response = await client.GetResponseAsync("Hello", cancellationToken: Cancellation);

        Assert.Equal("B", response.GetGuardrailVerdict()!.PolicyVersion);
    }

    [Fact]
    public async Task Builder_takes_a_store_directly()
    {
        var store = StoreWithPiiOffVersion();
        using var client = new ChatClientBuilder(new FakeChatClient("Sure.")).UseGuardrails(store).Build();

        store.Activate("B", "alice", "try B");
        var response = await client.GetResponseAsync("Hello", cancellationToken: Cancellation);

        Assert.Equal("B", response.GetGuardrailVerdict()!.PolicyVersion);
    }

    private static async Task<(GuardrailVerdict Verdict, string Text)> StreamAsync(IChatClient client)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("Who?", cancellationToken: Cancellation))
        {
            updates.Add(update);
        }

        var verdict = Assert.IsType<GuardrailVerdict>(updates[^1].AdditionalProperties![GuardrailVerdict.PropertyName]);
        return (verdict, updates.ToChatResponse().Text);
    }

    /// <summary>Runs an action when the model is called, between the input and output rails.</summary>
    private sealed class SideEffectChatClient(IChatClient inner, Action onCall) : DelegatingChatClient(inner)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            onCall();
            return base.GetResponseAsync(messages, options, cancellationToken);
        }
    }
}
