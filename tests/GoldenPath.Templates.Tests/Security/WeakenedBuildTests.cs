using System.Text.Json.Nodes;
using GoldenPath.Templates.Tests.Infrastructure;

namespace GoldenPath.Templates.Tests.Security;

/// <summary>
/// Proves the generated FAST gate measures something: gp-rag is weakened on purpose, one control at a time, and its own
/// security scan must turn red, for the right reason. A gate that stays green here would pass any app.
/// </summary>
[Collection(TemplatePackCollection.Name)]
public sealed class WeakenedBuildTests(TemplatePackFixture pack)
{
    private const string Name = "Weakened.Bot";
    private const string ScanTests = "Weakened.Bot.Tests.Fast.SecurityScanTests";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    // The output rails of the shipped default policy: the ones that stand between a failed model and the caller.
    private static readonly string[] OutputRails = ["canary", "systemPromptLeak", "exfiltration", "restrictedContent", "pii", "secrets"];

    [Fact]
    public async Task TheGateTurnsRedWhenTheOutputRailsOnlyMonitorOrTheAccessControlIsDropped()
    {
        var output = Path.Combine(pack.Cases, Name);
        await pack.NewAsync(pack.Cases, ["gp-rag", "-n", Name, "-o", output, "--feed", pack.Feed, "--skip-restore"]);
        (await DotNet.RunAsync(output, Timeout, "build", $"{Name}.slnx", "-nodeReuse:false", "-v:minimal")).EnsureSuccess();

        // 1. Output rails in monitor mode: they still detect, but no longer block. Only a model that leaks shows the
        //    difference, so the assume-breach scan must fail on the disclosed system-prompt canary.
        var policy = Path.Combine(output, "weakened.policy.json");
        await File.WriteAllTextAsync(policy, MonitoredOutputRailsPolicy(), TestContext.Current.CancellationToken);
        var monitored = await RunScanAsync(output, new Dictionary<string, string> { ["GoldenPath__Guardrails__PolicyPath"] = policy });
        Assert.True(monitored.ExitCode != 0, $"The gate stayed green with the output rails in monitor mode:\n{monitored.Output}");
        Assert.Contains("TheScanPassesTheGate(modeName: \"assume-breach\")", FailedTests(monitored.Output));
        Assert.Contains("canary-disclosure", monitored.Output);

        // 2. Access control dropped: a refactor that runs every turn as a caller in every group. Retrieval and the
        //    restricted-content rail then both see the caller as allowed, so restricted text and canaries reach bob.
        var chatTurn = Path.Combine(output, "src", $"{Name}.Api", "Chat", "ChatTurn.cs");
        var source = await File.ReadAllTextAsync(chatTurn, TestContext.Current.CancellationToken);
        const string Anchor = "        var principals = user.ToPrincipalSet(principalClaims.Value);";
        Assert.Contains(Anchor, source);
        await File.WriteAllTextAsync(
            chatTurn,
            source.Replace(Anchor, """
                        user = new ClaimsPrincipal(new ClaimsIdentity([.. user.Claims, new Claim("groups", "hr"), new Claim("groups", "executives"), new Claim("groups", "facilities")], "weakened"));
                """ + Anchor, StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        (await DotNet.RunAsync(output, Timeout, "build", $"{Name}.slnx", "-nodeReuse:false", "-v:minimal")).EnsureSuccess();
        var unfiltered = await RunScanAsync(output, new Dictionary<string, string>());
        Assert.True(unfiltered.ExitCode != 0, $"The gate stayed green without access control:\n{unfiltered.Output}");
        Assert.Contains("TheScanPassesTheGate(modeName: \"normal\")", FailedTests(unfiltered.Output));
        Assert.Matches("Critical (forbidden-marker|canary-disclosure) ", unfiltered.Output);
    }

    private static Task<ProcessResult> RunScanAsync(string output, IReadOnlyDictionary<string, string> environment) =>
        DotNet.RunAsync(output, Timeout, environment, "test", "--project", Path.Combine("tests", $"{Name}.Tests", $"{Name}.Tests.csproj"), "--no-build", "--", "--filter-class", ScanTests);

    private static string FailedTests(string output) =>
        string.Join('\n', output.Split('\n').Where(line => line.Contains("failed ", StringComparison.Ordinal) && line.Contains("TheScanPassesTheGate", StringComparison.Ordinal)));

    private static string MonitoredOutputRailsPolicy()
    {
        var policy = JsonNode.Parse(DefaultPolicy(), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        policy["version"] = "2026.11.29.90";
        var rails = policy["rails"]!.AsObject();
        foreach (var rail in OutputRails)
        {
            rails[rail]!["mode"] = "monitor";
        }

        return policy.ToJsonString();
    }

    private static string DefaultPolicy() =>
        File.ReadAllText(Path.Combine(RepositoryLayout.Root, "src", "GoldenPath.Guardrails", "Policy", "default.policy.json"));
}
