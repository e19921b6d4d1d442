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

        Assert.Equal(2, result.ExitCode);
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

    [Fact]
    public async Task Diff_lists_every_effective_change_and_exits_1()
    {
        using var temp = new TempDirectory();
        var before = temp.Write("before.json", """{ "version": "2030.1", "rails": { "pii": { "output": "redact" } } }""");
        var after = temp.Write("after.json", """
            {
              "version": "2030.2",
              "rails": {
                "pii": { "output": "block" },
                "promptInjection": { "mode": "monitor", "threshold": 0.8 }
              }
            }
            """);

        var result = await CliRunner.RunAsync("policy", "diff", before, after);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("version: 2030.1 -> 2030.2", lines[0]);
        Assert.Contains("~ pii.outputAction: redact -> block", lines);
        Assert.Contains("~ promptInjection.mode: enforce -> monitor", lines);
        Assert.Contains("~ promptInjection.threshold: 0.7 -> 0.8", lines);
        Assert.Equal("3 setting(s) differ", lines[^1]);
    }

    [Fact]
    public async Task Diff_of_policies_that_differ_only_in_spelled_out_defaults_exits_0()
    {
        using var temp = new TempDirectory();
        var terse = temp.Write("terse.json", """{ "version": "2030.3" }""");
        var verbose = temp.Write("verbose.json", """{ "version": "2030.4", "rails": { "pii": { "enabled": true, "mode": "enforce" } } }""");

        var result = await CliRunner.RunAsync("policy", "diff", terse, verbose);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no setting differs", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_with_a_broken_file_exits_2_naming_it()
    {
        using var temp = new TempDirectory();
        var good = temp.Write("good.json", """{ "version": "2030.5" }""");
        var broken = temp.Write("broken.json", "{\n  \"version\": 5\n}");

        var result = await CliRunner.RunAsync("policy", "diff", good, broken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{broken}(2)", result.Error, StringComparison.Ordinal);
    }
}
