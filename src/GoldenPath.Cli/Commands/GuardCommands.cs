using System.CommandLine;
using System.Text.Json;
using GoldenPath.Cli.Output;
using GoldenPath.Guardrails;

namespace GoldenPath.Cli.Commands;

/// <summary><c>goldenpath guard ...</c>: run the guardrail engine on a piece of text.</summary>
internal static class GuardCommands
{
    public static Command Create(CliConsole console) => new("guard", "Run guardrails on text.")
    {
        CreateCheckCommand(console),
        GuardScanCommand.Create(console),
    };

    private static Command CreateCheckCommand(CliConsole console)
    {
        var policyFile = new Option<FileInfo>("--policy") { Description = "A policy file; defaults to the embedded default policy." };
        var stage = new Option<string>("--stage") { Description = "Check the text as model input or as model output.", DefaultValueFactory = _ => "input" };
        stage.AcceptOnlyFromAmong("input", "output");
        var canary = new Option<string>("--canary") { Description = "The system prompt canary to look for in output." };
        var allowedHosts = new Option<string[]>("--allow-host") { Description = "A host that links in output may point to; repeatable." };
        var text = new Argument<string>("text") { Description = "The text to check." };

        var command = new Command("check", "Print the guardrail verdict for TEXT as JSON; exit 0 when allowed, 2 when blocked.")
        {
            policyFile, stage, canary, allowedHosts, text,
        };
        command.SetAction(parseResult =>
        {
            if (!PolicyCommands.TryLoad(parseResult.GetValue(policyFile)?.FullName, console, out var policy))
            {
                return ExitCodes.Error;
            }

            var options = new GuardrailOptions { Canary = parseResult.GetValue(canary) };
            foreach (var host in parseResult.GetValue(allowedHosts) ?? [])
            {
                options.AllowedLinkHosts.Add(host);
            }

            var engine = new GuardrailEngine(policy, options);
            var input = parseResult.GetRequiredValue(text);
            var verdict = parseResult.GetRequiredValue(stage) == "output" ? engine.EvaluateOutput(input) : engine.EvaluateInput(input);

            console.Out.WriteLine(JsonSerializer.Serialize(verdict, CliJson.Indented));
            return verdict.Action == RailAction.Block ? ExitCodes.Blocked : ExitCodes.Success;
        });
        return command;
    }
}
