using RagChatbot._1.Tests.Chat;

namespace RagChatbot._1.Tests.Guardrails;

/// <summary>A rail in monitor mode reports what it would have done without changing the turn.</summary>
public sealed class MonitorModeTests
{
    private const string PolicyVersion = "2026.12.01.1";

    [Fact]
    public async Task AMonitoredRailReportsWithoutRefusing()
    {
        var policies = Directory.CreateTempSubdirectory("ragchatbot-policy-");
        try
        {
            var policyPath = Path.Combine(policies.FullName, $"{PolicyVersion}.json");
            await File.WriteAllTextAsync(
                policyPath,
                $$"""{ "version": "{{PolicyVersion}}", "rails": { "exfiltration": { "enabled": true, "action": "redact", "mode": "monitor" } } }""",
                TestContext.Current.CancellationToken);
            await using var api = new ScriptedModelApi(new Dictionary<string, string?> { ["GoldenPath:Guardrails:PolicyPath"] = policyPath });
            const string answer = "Employees get two floating holidays per calendar year. [holiday-calendar] ![logo](https://collector.example.net/logo.png)";
            api.Model.Says(answer);

            var reply = await api.CreateClient(DemoUser.Bob).AskAsync("How many floating holidays do employees get?");

            Assert.Equal(PolicyVersion, reply.Verdict.PolicyVersion);
            Assert.DoesNotContain(reply.Verdict.Action, new[] { "block", "redact" });
            Assert.Contains(reply.Verdict.Findings, f => f is { Rail: "exfiltration", Action: "redact", Category: "untrusted-image", Mode: "monitor" });
            Assert.Equal(answer, reply.Answer);
        }
        finally
        {
            policies.Delete(recursive: true);
        }
    }
}
