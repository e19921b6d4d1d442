using GoldenPath.Templates.Tests.Infrastructure;

namespace GoldenPath.Templates.Tests.Demo;

/// <summary>The README's main command, end to end: scaffold, build, run the AppHost, hold the scripted conversation.</summary>
[Collection(TemplatePackCollection.Name)]
public sealed class DemoScriptTests(TemplatePackFixture pack)
{
    [Fact]
    public async Task DemoShowsTheAccessDifferenceAndABlockedInjection()
    {
        var output = Path.Combine(pack.WorkRoot, "demo");

        var demo = await DotNet.RunProcessAsync("bash", RepositoryLayout.Root, TimeSpan.FromMinutes(10),
            Path.Combine(RepositoryLayout.Root, "build", "demo.sh"), "--no-wait", "--output", output, "--packages", pack.Feed, "--version", pack.Version);

        demo.EnsureSuccess();
        Assert.Contains("Aspire dashboard: http", demo.Output);
        Assert.Contains("ok: alice is answered from salary-bands", demo.Output);
        Assert.Contains("ok: bob gets no salary-bands citation", demo.Output);
        Assert.Contains("ok: bob gets no salary figures", demo.Output);
        Assert.Contains("ok: the input rails block it", demo.Output);
        Assert.DoesNotContain("UNEXPECTED", demo.Output);
    }
}
