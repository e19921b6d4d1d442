using GoldenPath.Cli.Tests.Support;

namespace GoldenPath.Cli.Tests.Commands;

public sealed class PolicyCommandsTests
{
    [Fact]
    public async Task Broken_policy_names_file_and_line()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("broken.policy.json", "{\n  \"version\": \"2030.1\",\n  \"rails\": {\n    \"pii\": { \"enabled\": maybe }\n  }\n}\n");

        var result = await CliRunner.RunAsync("policy", "validate", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}(4)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Fix:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_policy_prints_its_version()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("ok.policy.json", """
            {
              "version": "2030.01.02.3",
              "rails": { "pii": { "enabled": true, "input": "redact", "output": "redact" } }
            }
            """);

        var result = await CliRunner.RunAsync("policy", "validate", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("valid: version 2030.01.02.3", result.Out.Trim());
    }

    [Fact]
    public async Task Missing_argument_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("policy", "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }
}
