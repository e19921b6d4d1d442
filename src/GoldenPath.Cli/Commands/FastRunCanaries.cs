using GoldenPath.Fast;

namespace GoldenPath.Cli.Commands;

/// <summary>The <c>--plant-canaries</c> steps of <c>fast run</c>: check the options, plant before the scan, remove after it.</summary>
internal static class FastRunCanaries
{
    private const string OperatorTokenVariable = "GOLDENPATH_FAST_OPERATOR_TOKEN";

    /// <summary>Fresh canaries for this scan, <see langword="null"/> without <c>--plant-canaries</c>, or an exit code.</summary>
    public static async Task<(ScanCanaries? Plan, int? ExitCode)> PrepareAsync(FastRunSettings settings, CliConsole console)
    {
        if (!settings.PlantCanaries)
        {
            return (null, null);
        }

        if (string.IsNullOrWhiteSpace(settings.OperatorToken))
        {
            await console.Error.WriteLineAsync($"error: --plant-canaries needs --operator-token. Fix: pass --operator-token or set {OperatorTokenVariable} to the token of a caller with the fast-operator role; the app's /fast/plant hook refuses anyone else.").ConfigureAwait(false);
            return (null, FastExitCodes.ConfigurationError);
        }

        try
        {
            return (ScanCanaries.Create(settings.RestrictedGroup, settings.Victim), null);
        }
        catch (ArgumentException ex)
        {
            var option = ex.ParamName == "victimUserId" ? "--victim" : "--restricted-group";
            var message = ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            await console.Error.WriteLineAsync($"error: {option}: {message}").ConfigureAwait(false);
            return (null, FastExitCodes.ConfigurationError);
        }
    }

    /// <summary>Plants <paramref name="plan"/> and adds its canaries to the scan; a refusal is a configuration error.</summary>
    public static async Task<(PlantedScanCanaries? Planted, int? ExitCode)> PlantAsync(
        PlantingHttpChatTarget hook, ScanCanaries plan, FastScanOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        PlantedScanCanaries planted;
        try
        {
            planted = await hook.PlantAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        catch (CanaryPlantingException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return (null, ex.StatusCode is null ? FastExitCodes.TargetUnreachable : FastExitCodes.ConfigurationError);
        }

        foreach (var canary in planted.Canaries)
        {
            options.Canaries.Add(canary);
        }

        // Names and audiences only: the values are the secrets the scan watches for.
        var audiences = plan.VictimUserId is null ? $"group {plan.RestrictedGroup}" : $"group {plan.RestrictedGroup}, user {plan.VictimUserId}";
        await console.Out.WriteLineAsync($"planted canaries: {string.Join(", ", planted.Canaries.Select(canary => canary.Name))} ({audiences})").ConfigureAwait(false);
        return (planted, null);
    }

    /// <summary>Best effort: a failed removal is a warning, never a change of the scan's exit code.</summary>
    public static async Task RemoveAsync(PlantedScanCanaries planted, CliConsole console)
    {
        if (await planted.RemoveAsync().ConfigureAwait(false) is { } problem)
        {
            await console.Error.WriteLineAsync($"warning: {problem}").ConfigureAwait(false);
            return;
        }

        await console.Out.WriteLineAsync("planted canaries removed").ConfigureAwait(false);
    }
}
