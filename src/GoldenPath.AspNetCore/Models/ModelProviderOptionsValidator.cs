using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Models;

/// <summary>
/// Fails startup with a message that says which setting is wrong and how to fix it, so a bad value never
/// surfaces later as a resilience-library exception on the first chat turn.
/// </summary>
/// <param name="environment">
/// The host's environment; the compromised-model simulator is refused outside Development and Testing, and whenever the
/// environment is unknown.
/// </param>
internal sealed class ModelProviderOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<ModelProviderOptions>
{
    /// <summary>The environment, besides Development, where test-only switches such as the simulator are allowed.</summary>
    internal const string TestingEnvironment = "Testing";

    // The resilience pipeline rejects shorter timeouts and circuit-breaker windows.
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinimumBreakerWindow = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, ModelProviderOptions options)
    {
        var failures = new List<string>();
        var section = ModelProviderOptions.SectionName;
        if (options.Provider is ModelProvider.OpenAI or ModelProvider.AzureOpenAI && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"{section}:ApiKey is required for provider '{options.Provider}'. Set it with `dotnet user-secrets set \"{section}:ApiKey\" <key>` or the AppHost parameter; never in appsettings.");
        }

        if (options.Provider is ModelProvider.CompromisedSimulator && !IsTestEnvironment(environment))
        {
            // A model that leaks everything must never answer real users, whatever a deployment's settings say.
            failures.Add($"{section}:Provider is '{ModelProvider.CompromisedSimulator}' in the '{environment?.EnvironmentName ?? "unknown"}' environment; " +
                $"the compromised-model simulator runs only in Development and Testing. Fix: set {section}:Provider to a real provider, or run the scan with ASPNETCORE_ENVIRONMENT=Testing.");
        }

        if (options.Provider is not (ModelProvider.Offline or ModelProvider.CompromisedSimulator) && string.IsNullOrWhiteSpace(options.Model))
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

        if (options.Timeout is { } timeout && timeout < MinimumTimeout)
        {
            failures.Add($"{section}:Timeout must be at least 10 ms (it bounds one attempt), e.g. \"00:01:00\".");
        }

        if (options.TotalTimeout is { } total && total < options.EffectiveTimeout)
        {
            failures.Add($"{section}:TotalTimeout ({total}) must not be shorter than {section}:Timeout ({options.EffectiveTimeout}), or no retry could ever run.");
        }

        if (options.HealthCheckTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:HealthCheckTimeout must be positive, e.g. \"00:00:05\".");
        }

        ValidateResilience(options.Resilience, $"{section}:Resilience", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsTestEnvironment(IHostEnvironment? environment) =>
        environment is not null && (environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment));

    private static void ValidateResilience(ModelResilienceOptions resilience, string section, List<string> failures)
    {
        if (resilience.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{section}:MaxRetryAttempts must be between 0 (no retries) and 10.");
        }

        if (resilience.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add($"{section}:RetryBaseDelay must not be negative.");
        }

        if (resilience.MaxRetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"{section}:MaxRetryDelay must be positive, e.g. \"00:00:30\".");
        }

        if (resilience.CircuitBreakerFailureRatio is not (> 0 and <= 1))
        {
            failures.Add($"{section}:CircuitBreakerFailureRatio must be greater than 0 and at most 1, e.g. 0.5.");
        }

        if (resilience.CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add($"{section}:CircuitBreakerMinimumThroughput must be at least 2.");
        }

        if (resilience.CircuitBreakerSamplingDuration < MinimumBreakerWindow)
        {
            failures.Add($"{section}:CircuitBreakerSamplingDuration must be at least 500 ms.");
        }

        if (resilience.CircuitBreakerBreakDuration < MinimumBreakerWindow)
        {
            failures.Add($"{section}:CircuitBreakerBreakDuration must be at least 500 ms.");
        }
    }
}
