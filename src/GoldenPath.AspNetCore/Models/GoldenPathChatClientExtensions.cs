using System.ClientModel;
using GoldenPath.AspNetCore.Telemetry;
using GoldenPath.Guardrails;
using GoldenPath.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;

namespace GoldenPath.AspNetCore.Models;

public static class GoldenPathChatClientExtensions
{
    /// <summary>
    /// Registers the <see cref="IChatClient"/> pipeline every chat turn goes through, outermost first:
    /// guardrails (so a blocked turn never reaches a model), GenAI telemetry (one span per model call, with
    /// token usage), function invocation, then the configured provider.
    /// </summary>
    public static TBuilder AddGoldenPathChatClient<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<IValidateOptions<ModelProviderOptions>, ModelProviderOptionsValidator>();
        builder.Services.AddOptions<ModelProviderOptions>().BindConfiguration(ModelProviderOptions.SectionName).ValidateOnStart();

        builder.Services.AddChatClient(services => CreateProviderClient(services.GetRequiredService<IOptions<ModelProviderOptions>>().Value))
            .UseGoldenPathGuardrails()
            .Use((inner, services) => new OpenTelemetryChatClient(
                inner,
                services.GetService<ILoggerFactory>()?.CreateLogger(typeof(OpenTelemetryChatClient)),
                GoldenPathTelemetry.ChatSourceName)
            {
                EnableSensitiveData = services.GetRequiredService<IOptions<GenAiTelemetryOptions>>().Value.CaptureMessageContent,
            })
            .UseFunctionInvocation();
        return builder;
    }

    /// <summary>
    /// OpenAI, Azure OpenAI (its OpenAI-compatible <c>/openai/v1/</c> surface) and Ollama (its OpenAI-compatible
    /// API) share one client code path, so the same tests cover all three wire formats.
    /// </summary>
    public static IChatClient CreateProviderClient(ModelProviderOptions options)
    {
        if (options.Provider is ModelProvider.Offline)
        {
            return new ExtractiveChatClient();
        }

        var clientOptions = new OpenAIClientOptions
        {
            NetworkTimeout = options.Timeout,
        };
        var endpoint = options.Provider is ModelProvider.Ollama ? options.Endpoint ?? ModelProviderOptions.OllamaDefaultEndpoint : options.Endpoint;
        if (endpoint is not null)
        {
            clientOptions.Endpoint = endpoint;
        }

        // Ollama ignores the key, but the client insists on one.
        var key = options.Provider is ModelProvider.Ollama && string.IsNullOrWhiteSpace(options.ApiKey) ? "ollama" : options.ApiKey!;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(options.Model!).AsIChatClient();
    }
}
