using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace GoldenPath.AspNetCore.Models;

/// <summary>
/// Builds the OpenAI client that OpenAI, Azure OpenAI (its <c>/openai/v1/</c> surface) and Ollama (its
/// OpenAI-compatible API) share.
/// </summary>
internal static class OpenAIClientFactory
{
    public static OpenAIClient Create(ModelProviderOptions options, HttpClient? httpClient)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.EffectiveEndpoint,
            NetworkTimeout = options.EffectiveTimeout,
        };

        if (httpClient is not null)
        {
            // The HttpClient's resilience pipeline owns retries and timeouts: the SDK's own retries would multiply
            // its attempts, and its network timeout wraps all of them, so it must not be shorter than the total.
            clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
            clientOptions.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
            clientOptions.NetworkTimeout = options.EffectiveTotalTimeout;
        }

        return new OpenAIClient(new ApiKeyCredential(options.EffectiveApiKey), clientOptions);
    }
}
