using GoldenPath.Guardrails;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace RagChatbot._1.Tests.Guardrails;

/// <summary>
/// Pins the rails this service runs and where they sit. Disabling a rail in the policy, dropping it from the engine
/// or taking the guardrails out of the model pipeline turns this red; the behavioural tests next to it turn red
/// when a rail stops working.
/// </summary>
public sealed class RailPipelineTests(ScriptedModelApi api) : IClassFixture<ScriptedModelApi>
{
    [Fact]
    public void TheActivePolicyRunsEveryRail()
    {
        var engine = api.Services.GetRequiredService<GuardrailPolicyStore>().Current;

        // denied-topics joins both lists once the policy names a topic; none ship by default.
        Assert.Equal(["input-length", "token-limit", "context-overflow", "prompt-injection", "pii", "secrets"], engine.InputRails);
        Assert.Equal(["pii", "secrets", "canary", "exfiltration", "system-prompt-leak", "grounding", "restricted-content"], engine.OutputRails);
    }

    [Fact]
    public void TheModelIsReachedOnlyThroughTheGuardrails()
    {
        var chat = api.Services.GetRequiredService<IChatClient>();

        Assert.NotNull(chat.GetService<GuardrailsChatClient>());
        Assert.Same(api.Model, chat.GetService<ScriptedModel>());
    }
}
