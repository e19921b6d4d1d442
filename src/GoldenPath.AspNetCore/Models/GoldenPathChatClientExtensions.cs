using GoldenPath.AspNetCore.Models.Health;
using GoldenPath.AspNetCore.Models.Resilience;
using GoldenPath.AspNetCore.Limits;
using GoldenPath.AspNetCore.Telemetry;
using GoldenPath.Fast;
using GoldenPath.Guardrails;
using GoldenPath.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Models;

public static class GoldenPathChatClientExtensions
{
    /// <summary>
    /// The key of the keyed <see cref="IChatClient"/> singleton that talks to the model itself. The guarded pipeline is
    /// built around whatever is registered under this key, so a host or a test can put another model there (a scripted
    /// one, a simulated compromised one) and still go through every control.
    /// </summary>
    public const string ProviderServiceKey = "goldenpath-provider";

    /// <summary>
    /// Registers the <see cref="IChatClient"/> pipeline every chat turn goes through, outermost first:
    /// the caller's token budget (a spent budget never reaches a model), guardrails (nor does a blocked turn), GenAI telemetry (one span per model call, with
    /// token usage), function invocation, then the provider registered under <see cref="ProviderServiceKey"/>. Also
    /// registers the provider's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> and the <c>goldenpath-model</c>
    /// readiness check.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The configured provider is registered with TryAdd, and the pipeline resolves the last registration under the
    /// key: a provider registered before or after this call replaces the configured one without removing any control.
    /// </para>
    /// <para>
    /// Model traffic goes through one named HttpClient with its own resilience pipeline (see
    /// <see cref="ModelResilienceOptions"/>), so retries and timeouts suited to a model never leak into other clients.
    /// </para>
    /// </remarks>
    public static TBuilder AddGoldenPathChatClient<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<ModelProviderOptions>, ModelProviderOptionsValidator>();
        services.AddOptions<ModelProviderOptions>().BindConfiguration(ModelProviderOptions.SectionName).ValidateOnStart();
        services.AddModelHttpClients();

        services.TryAddKeyedSingleton(ProviderServiceKey, (provider, _) =>
        {
            var options = provider.GetRequiredService<IOptions<ModelProviderOptions>>().Value;
            return CreateProviderClient(options, ModelHttpClient(provider, options));
        });

        services.AddChatClient(provider => provider.GetRequiredKeyedService<IChatClient>(ProviderServiceKey))
            .UseGoldenPathTokenBudget()
            .UseGuardrails()
            .Use((inner, provider) => new OpenTelemetryChatClient(
                inner,
                provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(OpenTelemetryChatClient)),
                GoldenPathTelemetry.ChatSourceName)
            {
                EnableSensitiveData = provider.GetRequiredService<IOptions<GenAiTelemetryOptions>>().Value.CaptureMessageContent,
            })

            // Tool calls go through the policy's tool rails: a tool the policy's catalog does not list for the
            // caller's roles is never run (deny by default), approvals are queued, results are scanned.
            .UseGuardedFunctionInvocation();

        services.AddEmbeddingGenerator(provider =>
            {
                var options = provider.GetRequiredService<IOptions<ModelProviderOptions>>().Value;
                return CreateEmbeddingGenerator(options, ModelHttpClient(provider, options));
            })
            .UseOpenTelemetry(sourceName: GoldenPathTelemetry.ChatSourceName);

        // "ready", not "live": a model outage should take the instance out of rotation, not get it restarted.
        services.AddHealthChecks().AddCheck<ModelHealthCheck>(ModelHealthCheck.Name, tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// OpenAI, Azure OpenAI (its OpenAI-compatible <c>/openai/v1/</c> surface) and Ollama (its OpenAI-compatible
    /// API) share one client code path, so the same tests cover all three wire formats.
    /// </summary>
    /// <param name="options">The provider settings.</param>
    /// <param name="httpClient">
    /// The client that carries the requests. When given, its handlers own retries and timeouts and the OpenAI SDK's
    /// own retries are turned off; when <see langword="null"/>, the SDK's defaults apply.
    /// </param>
    public static IChatClient CreateProviderClient(ModelProviderOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            ModelProvider.Offline => new ExtractiveChatClient(),
            ModelProvider.CompromisedSimulator => new CompromisedChatClient(),
            _ => OpenAIClientFactory.Create(options, httpClient).GetChatClient(options.Model!).AsIChatClient(),
        };
    }

    /// <summary>
    /// The embedding generator for the same provider: the offline hashing embedder, or the provider's embedding
    /// model (<see cref="ModelProviderOptions.EmbeddingModel"/>) over the same OpenAI-compatible client.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(ModelProviderOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider is ModelProvider.Offline or ModelProvider.CompromisedSimulator
            ? new HashingEmbedder()
            : OpenAIClientFactory.Create(options, httpClient).GetEmbeddingClient(options.EffectiveEmbeddingModel).AsIEmbeddingGenerator();
    }

    private static HttpClient? ModelHttpClient(IServiceProvider provider, ModelProviderOptions options) =>
        options.Provider is ModelProvider.Offline or ModelProvider.CompromisedSimulator
            ? null
            : provider.GetRequiredService<IHttpClientFactory>().CreateClient(ModelHttpClients.Model);
}
