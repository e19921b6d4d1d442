using GoldenPath.AspNetCore.Models;
using GoldenPath.Retrieval;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Fast;

/// <summary>Refuses the hook anywhere but Development and Testing: a production app must never accept planted content.</summary>
internal sealed class FastHookOptionsValidator(IHostEnvironment environment) : IValidateOptions<FastHookOptions>
{
    public ValidateOptionsResult Validate(string? name, FastHookOptions options)
    {
        var section = FastHookOptions.SectionName;
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!ModelProviderOptionsValidator.IsTestEnvironment(environment))
        {
            failures.Add($"{section}:Enabled is true in the '{environment.EnvironmentName}' environment; the FAST canary-planting hook runs only in Development and Testing. " +
                $"Fix: remove {section}:Enabled from this environment's settings, or run the scan with ASPNETCORE_ENVIRONMENT=Testing.");
        }

        try
        {
            PrincipalSet.From([options.UnrestrictedAudience]);
        }
        catch (ArgumentException ex)
        {
            failures.Add($"{section}:UnrestrictedAudience is not a principal ({ex.Message}) Fix: use a group every user has, for example group:employees.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
