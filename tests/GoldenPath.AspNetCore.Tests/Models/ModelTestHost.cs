using GoldenPath.AspNetCore.Tests.Identity;
using Microsoft.AspNetCore.Builder;

namespace GoldenPath.AspNetCore.Tests.Models;

/// <summary>Starts the GoldenPath defaults with a hosted provider pointed at an <see cref="OpenAICompatibleStub"/>.</summary>
internal static class ModelTestHost
{
    public const string ApiKey = "sk-test-0123456789abcdef";

    public static Dictionary<string, string?> Settings(Uri endpoint, string provider)
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Model:Provider"] = provider;
        settings["GoldenPath:Model:Model"] = "gpt-test";
        settings["GoldenPath:Model:ApiKey"] = ApiKey;
        settings["GoldenPath:Model:Endpoint"] = endpoint.ToString();
        // Real backoff waits seconds; tests keep the shape of the policy but not its patience.
        settings["GoldenPath:Model:Resilience:RetryBaseDelay"] = "00:00:00.010";
        settings["GoldenPath:Model:Resilience:MaxRetryDelay"] = "00:00:02";
        return settings;
    }

    public static Task<WebApplication> StartAsync(OpenAICompatibleStub stub, string provider, Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = Settings(stub.EndpointFor(provider), provider);
        configure?.Invoke(settings);
        return GoldenPathTestHost.StartAsync("Production", settings);
    }
}
