using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Models;

/// <summary>Fails startup with a message that says which setting is missing and how to provide it.</summary>
internal sealed class ModelProviderOptionsValidator : IValidateOptions<ModelProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelProviderOptions options)
    {
        var failures = new List<string>();
        var section = ModelProviderOptions.SectionName;
        if (options.Provider is ModelProvider.OpenAI or ModelProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{section}:ApiKey is required for provider '{options.Provider}'. Set it with `dotnet user-secrets set \"{section}:ApiKey\" <key>` or the AppHost parameter; never in appsettings.");
        }

        if (options.Provider is not ModelProvider.Offline && string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{section}:Model is required for provider '{options.Provider}' (the model or deployment name).");
        }

        if (options.Provider is ModelProvider.AzureOpenAI && options.Endpoint is null)
        {
            failures.Add($"{section}:Endpoint is required for provider 'AzureOpenAI', e.g. https://<resource>.openai.azure.com/openai/v1/.");
        }

        if (options.Endpoint is { IsAbsoluteUri: false })
        {
            failures.Add($"{section}:Endpoint must be an absolute URL.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:Timeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
