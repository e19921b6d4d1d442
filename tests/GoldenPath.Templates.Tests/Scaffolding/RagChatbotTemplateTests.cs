using System.Text.RegularExpressions;
using GoldenPath.Templates.Tests.Infrastructure;

namespace GoldenPath.Templates.Tests.Scaffolding;

/// <summary>
/// Scaffolds gp-rag the way a team would, outside the repository, then holds the result to the bar a team expects:
/// it builds with warnings as errors, its own tests pass, and no template machinery is left in it.
/// </summary>
[Collection(TemplatePackCollection.Name)]
public sealed partial class RagChatbotTemplateTests(TemplatePackFixture pack)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    // Names that trip naive templates: dots, hyphens, digits, non-ASCII letters.
    public static TheoryData<string, string[]> Cases => new()
    {
        { "Contoso.HR-Bot2", [] },
        { "Ünïcode.App", [] },
        { "Contoso.OpenAIBot", ["--provider", "openai"] },
        { "Contoso.PgBot", ["--vector-store", "postgres"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ScaffoldsBuildsAndPassesItsOwnTests(string name, string[] options)
    {
        var output = Path.Combine(pack.Cases, name);
        await pack.NewAsync(pack.Cases, ["gp-rag", "-n", name, "-o", output, "--feed", pack.Feed, "--skip-restore", .. options]);

        AssertNoTemplateMachineryLeft(output);
        Assert.Contains($"<GoldenPathVersion>{pack.Version}</GoldenPathVersion>", File.ReadAllText(Path.Combine(output, "Directory.Packages.props")));
        Assert.True(File.Exists(Path.Combine(output, "NuGet.config")), "--feed must produce a NuGet.config");
        Assert.True(File.Exists(Path.Combine(output, $"{name}.slnx")));
        Assert.True(File.Exists(Path.Combine(output, ".github", "workflows", "ci.yml")));

        var solution = $"{name}.slnx";
        var build = await DotNet.RunAsync(output, BuildTimeout, "build", solution, "-warnaserror", "-nodeReuse:false", "-v:minimal");
        build.EnsureSuccess();
        TestContext.Current.SendDiagnosticMessage($"{name}: restore + build {build.Elapsed.TotalSeconds:F1} s");

        var test = await DotNet.RunAsync(output, BuildTimeout, "test", "--solution", solution, "--no-build");
        test.EnsureSuccess();
        var summary = TestSummary().Match(test.Output);
        Assert.True(summary.Success, $"No test summary in:\n{test.Output}");
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.True(int.Parse(summary.Groups["passed"].Value) >= 10, $"Expected the generated suite to run its tests:\n{test.Output}");
    }

    [Fact]
    public async Task WithoutAFeedNoNuGetConfigIsGenerated()
    {
        var output = Path.Combine(pack.Cases, "NoFeed.Bot");
        await pack.NewAsync(pack.Cases, "gp-rag", "-n", "NoFeed.Bot", "-o", output, "--skip-restore");

        Assert.False(File.Exists(Path.Combine(output, "NuGet.config")));
        AssertNoTemplateMachineryLeft(output);
    }

    [Fact]
    public async Task HelpDescribesEveryOption()
    {
        var help = await pack.NewAsync(pack.Cases, "gp-rag", "--help");

        foreach (var option in new[] { "--provider", "--feed", "--skip-restore", "--vector-store", "offline", "openai", "azure-openai", "ollama", "embedded", "postgres" })
        {
            Assert.Contains(option, help.Output);
        }
    }

    private static void AssertNoTemplateMachineryLeft(string output)
    {
        var leftovers = new List<string>();
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, file);
            if (relative.Split(Path.DirectorySeparatorChar) is var parts && (parts.Contains("bin") || parts.Contains("obj")))
            {
                continue;
            }

            if (SourceNameForms().IsMatch(relative))
            {
                leftovers.Add($"{relative}: source name in the path");
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (SourceNameForms().IsMatch(lines[i]) || TemplateDirective().IsMatch(lines[i]) || lines[i].Contains("GOLDENPATH_", StringComparison.Ordinal) || lines[i].Contains("0.0.0-unstamped", StringComparison.Ordinal))
                {
                    leftovers.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(leftovers.Count == 0, "Template machinery left in the generated solution:\n" + string.Join('\n', leftovers));
    }

    [GeneratedRegex(@"RagChatbot(\.1|\._1|_1)")]
    private static partial Regex SourceNameForms();

    [GeneratedRegex(@"^\s*(//|<!--|##?)\s*#?(if|elif|elseif|else|endif)\b|^\s*#(if|elif|else|endif)\b")]
    private static partial Regex TemplateDirective();

    [GeneratedRegex(@"total:\s*(?<total>\d+)\s+failed:\s*(?<failed>\d+)\s+succeeded:\s*(?<passed>\d+)")]
    private static partial Regex TestSummary();
}
