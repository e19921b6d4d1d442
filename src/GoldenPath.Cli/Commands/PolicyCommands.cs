using System.CommandLine;
using GoldenPath.Guardrails;

namespace GoldenPath.Cli.Commands;

/// <summary><c>goldenpath policy ...</c>: work with guardrail policy files.</summary>
internal static class PolicyCommands
{
    public static Command Create(CliConsole console) => new("policy", "Work with guardrail policy files.")
    {
        CreateValidateCommand(console),
    };

    private static Command CreateValidateCommand(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The policy JSON file to validate." };
        var command = new Command("validate", "Check a policy file; errors name the file, the line and the fix.") { file };
        command.SetAction(parseResult =>
        {
            if (!TryLoad(parseResult.GetRequiredValue(file).FullName, console, out var policy))
            {
                return ExitCodes.Error;
            }

            console.Out.WriteLine($"valid: version {policy.Version}");
            return ExitCodes.Success;
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
