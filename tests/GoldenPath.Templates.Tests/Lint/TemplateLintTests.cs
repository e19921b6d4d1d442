using GoldenPath.Templates.Tests.Infrastructure;

namespace GoldenPath.Templates.Tests.Lint;

public sealed class TemplateLintTests
{
    public static TheoryData<string> Templates => [.. RepositoryLayout.TemplateDirectories().Select(dir => Path.GetFileName(dir))];

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryTemplateLintsClean(string template)
    {
        var errors = TemplateLinter.Lint(Path.Combine(RepositoryLayout.Templates, template));

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void ThePackHasTheRagTemplate() => Assert.Contains("rag-chatbot", Templates.Select(t => t.Data));

    // Each mutation is a mistake the template engine would accept without a word.
    public static TheoryData<string, string, string, string> Breakages => new()
    {
        { ".template.config/template.json", "\"preferNameDirectory\"", "\"preferNameDirectroy\"", "unknown top-level key 'preferNameDirectroy'" },
        { ".template.config/template.json", "\"defaultValue\": \"offline\"", "\"defualtValue\": \"offline\"", "unknown key 'defualtValue'" },
        { ".template.config/template.json", "\"datatype\": \"bool\"", "\"datatype\": \"boolean-ish\"", "unknown datatype 'boolean-ish'" },
        { ".template.config/template.json", "\"type\": \"computed\", \"value\": \"(provider == \\\"offline\\\")\"", "\"type\": \"computd\", \"value\": \"(provider == \\\"offline\\\")\"", "has type 'computd'" },
        { ".template.config/template.json", "(provider == \\\"ollama\\\")", "(provder == \\\"ollama\\\")", "names 'provder', which is not a defined symbol" },
        { ".template.config/template.json", "\"generator\": \"guid\"", "\"generator\": \"uuid\"", "unknown generator 'uuid'" },
        { ".template.config/template.json", "\"condition\": \"(!HasFeed)\"", "\"condition\": \"(!HasFed)\"", "names 'HasFed'" },
        { ".template.config/template.json", "\"id\": \"restore\",", "", "every post-action needs an 'id'" },
        { ".template.config/template.json", "\"valueTransform\": \"identifierSafe\"", "\"valueTransform\": \"identifierSafer\"", "form 'identifierSafer'" },
        { ".template.config/template.json", "{ \"path\": \"RagChatbot.1.slnx\" }", "{ \"path\": \"RagChatbot.slnx\" }", "primary output 'RagChatbot.slnx' does not exist" },
        { ".template.config/template.json", "\"replaces\": \"GOLDENPATH_FEED\"", "\"replaces\": \"GOLDENPATH_FEEED\"", "appears in no template file" },
        { ".template.config/template.json", "\"modifiers\": [", "\"source\": \"./missing/\", \"modifiers\": [", "source './missing/' does not exist" },
        { ".template.config/dotnetcli.host.json", "\"skipRestore\": {", "\"skipRestor\": {", "symbolInfo names 'skipRestor'" },
        { "src/RagChatbot.1.AppHost/AppHost.cs", "#if (UsesApiKey)", "#if (UsesApiKeys)", "names 'UsesApiKeys'" },
        { "src/RagChatbot.1.AppHost/AppHost.cs", "#if (UsesApiKey)", "#if DEBUG", "names 'DEBUG'" },
        { "src/RagChatbot.1.Api/appsettings.json", "//#endif", "", "never closed" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void ABrokenCopyIsCaught(string file, string find, string replace, string expected)
    {
        var copy = CopyTemplate("rag-chatbot");
        try
        {
            var path = Path.Combine(copy, file);
            var original = File.ReadAllText(path);
            Assert.Contains(find, original);
            File.WriteAllText(path, ReplaceFirst(original, find, replace));

            var errors = TemplateLinter.Lint(copy);

            Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void InvalidJsonIsReportedWithItsLine()
    {
        var copy = CopyTemplate("rag-chatbot");
        try
        {
            var path = Path.Combine(copy, ".template.config", "template.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"shortName\": \"gp-rag\",", "\"shortName\": \"gp-rag\""));

            var error = Assert.Single(TemplateLinter.Lint(copy));

            Assert.Contains("not valid JSON", error.Message);
            Assert.NotNull(error.Line);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        return text[..index] + replace + text[(index + find.Length)..];
    }

    private static string CopyTemplate(string name)
    {
        var source = Path.Combine(RepositoryLayout.Templates, name);
        var target = Path.Combine(Path.GetTempPath(), "goldenpath-lint", Guid.NewGuid().ToString("n"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }
}
