using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Models.Resilience;

/// <summary>The named HTTP clients that carry model traffic and the readiness probe.</summary>
internal static class ModelHttpClients
{
    /// <summary>Chat and embedding calls, behind <see cref="ModelResiliencePipeline"/>.</summary>
    public const string Model = "goldenpath-model";

    /// <summary>The readiness probe: one short attempt, because a probe that retries hides the outage it reports.</summary>
    public const string Probe = "goldenpath-model-probe";

    // RemoveAllResilienceHandlers is marked experimental, but it is the only way to opt one client out of
    // handlers that ConfigureHttpClientDefaults adds to all of them.
#pragma warning disable EXTEXP0001
    public static IServiceCollection AddModelHttpClients(this IServiceCollection services)
    {
        services.AddHttpClient(Model)
            // The pipeline's total timeout governs; HttpClient's own 100 s default would cut local models short.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The provider clients live for the app's lifetime, so connections are recycled here to follow DNS changes.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Service defaults often add a standard resilience handler to every client; on top of this pipeline it
            // would multiply retries and apply timeouts too short for a local model.
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler(ModelResiliencePipeline.Name, (pipeline, context) => ModelResiliencePipeline.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<ModelProviderOptions>>().Value,
                context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System));

        services.AddHttpClient(Probe)
            .ConfigureHttpClient((services, client) => client.Timeout = services.GetRequiredService<IOptions<ModelProviderOptions>>().Value.HealthCheckTimeout)
            .RemoveAllResilienceHandlers();
        return services;
    }
#pragma warning restore EXTEXP0001
}
