using System.Net;
using System.Net.Http.Headers;
using GoldenPath.AspNetCore.Models.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Models.Health;

/// <summary>
/// Readiness of the model provider, from one cheap <c>GET models</c>: it needs no tokens, costs nothing and proves
/// both that the endpoint answers and that it accepts the key. Descriptions name the provider and origin only,
/// never the key or a path that could carry one.
/// </summary>
internal sealed class ModelHealthCheck(IHttpClientFactory httpClientFactory, IOptions<ModelProviderOptions> options) : IHealthCheck
{
    public const string Name = "goldenpath-model";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (settings.Provider is ModelProvider.Offline)
        {
            return HealthCheckResult.Healthy("offline model");
        }

        if (settings.Provider is ModelProvider.CompromisedSimulator)
        {
            return HealthCheckResult.Healthy("compromised-model simulator, in process");
        }

        var endpoint = settings.EffectiveEndpoint;
        var target = $"{settings.Provider} endpoint {endpoint.Scheme}://{endpoint.Authority}";
        var data = new Dictionary<string, object>
        {
            ["provider"] = settings.Provider.ToString(),
            ["origin"] = $"{endpoint.Scheme}://{endpoint.Authority}",
        };

        using var request = new HttpRequestMessage(HttpMethod.Get, ModelsUri(endpoint));
        if (!string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        try
        {
            using var response = await httpClientFactory.CreateClient(ModelHttpClients.Probe)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            data["status"] = status;
            return response.StatusCode switch
            {
                _ when response.IsSuccessStatusCode => HealthCheckResult.Healthy($"{target} answered.", data),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => HealthCheckResult.Degraded(
                    $"{target} is reachable but rejected the API key (HTTP {status}); check {ModelProviderOptions.SectionName}:ApiKey.", data: data),
                HttpStatusCode.TooManyRequests => HealthCheckResult.Degraded($"{target} is reachable but rate limiting (HTTP 429).", data: data),
                _ when status >= 500 => HealthCheckResult.Unhealthy($"{target} failed with HTTP {status}.", data: data),
                _ => HealthCheckResult.Unhealthy(
                    $"{target} answered HTTP {status} for its models list; check {ModelProviderOptions.SectionName}:Endpoint.", data: data),
            };
        }
        catch (HttpRequestException exception)
        {
            return HealthCheckResult.Unhealthy($"{target} is unreachable: {exception.Message}", exception, data);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{target} did not answer within {settings.HealthCheckTimeout.TotalSeconds:0.#} s.", exception, data);
        }
    }

    // Without the trailing slash a relative "models" would replace the last segment (".../v1" -> ".../models").
    private static Uri ModelsUri(Uri endpoint) =>
        new(endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/"), "models");
}
