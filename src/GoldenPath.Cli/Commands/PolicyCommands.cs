using System.CommandLine;
using GoldenPath.Guardrails;

namespace GoldenPath.Cli.Commands;

/// <summary><c>goldenpath policy ...</c>: work with guardrail policy files.</summary>
internal static class PolicyCommands
{
    /// <summary><c>policy diff</c> follows diff(1): 0 when the policies behave the same, 1 when they differ.</summary>
    private const int Different = 1;

    /// <summary>A policy file is invalid or unreadable; the message names the file, line and fix.</summary>
    private const int Invalid = 2;

    public static Command Create(CliConsole console) => new("policy", "Work with guardrail policy files.")
    {
        CreateValidateCommand(console),
        CreateDiffCommand(console),
    };

    private static Command CreateValidateCommand(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The policy JSON file to validate." };
        var command = new Command("validate", "Check a policy file; errors name the file, the line and the fix.") { file };
        command.SetAction(parseResult =>
        {
            if (!TryLoad(parseResult.GetRequiredValue(file).FullName, console, out var policy))
            {
                return Invalid;
            }

            console.Out.WriteLine($"valid: version {policy.Version}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateDiffCommand(CliConsole console)
    {
        var before = new Argument<FileInfo>("before") { Description = "The policy in use." };
        var after = new Argument<FileInfo>("after") { Description = "The policy to compare it with." };
        var command = new Command(
            "diff",
            "Show every effective setting that differs between two policy files, defaults included. Exit 0 when they behave the same, 1 when they differ, 2 when a file is invalid.")
        {
            before,
            after,
        };
        command.SetAction(parseResult =>
        {
            if (!TryLoad(parseResult.GetRequiredValue(before).FullName, console, out var a)
                | !TryLoad(parseResult.GetRequiredValue(after).FullName, console, out var b))
            {
                return Invalid;
            }

            var changes = PolicyDiff.Compare(a, b);
            console.Out.WriteLine($"version: {a.Version} -> {b.Version}");
            if (changes.Count == 0)
            {
                console.Out.WriteLine("no setting differs");
                return ExitCodes.Success;
            }

            foreach (var change in changes)
            {
                var line = (change.Before, change.After) switch
                {
                    (null, _) => $"+ {change.Path}: {change.After}",
                    (_, null) => $"- {change.Path}: {change.Before}",
                    _ => $"~ {change.Path}: {change.Before} -> {change.After}",
                };
                console.Out.WriteLine(line);
            }

            console.Out.WriteLine($"{changes.Count} setting(s) differ");
            return Different;
        });
        return command;
    }

    /// <summary>Loads a policy (or the embedded default when <paramref name="path"/> is null), printing policy errors instead of throwing them.</summary>
    internal static bool TryLoad(string? path, CliConsole console, out GuardrailPolicy policy)
    {
        try
        {
            policy = path is null ? GuardrailPolicy.Default : GuardrailPolicy.Load(path);
            return true;
        }
        catch (GuardrailPolicyException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            policy = null!;
            return false;
        }
    }
}
