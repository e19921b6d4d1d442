using GoldenPath.Guardrails;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Guardrails;

public static class GoldenPathGuardrailsExtensions
{
    public const string SectionName = "GoldenPath:Guardrails";

    /// <summary>
    /// One <see cref="GuardrailPolicyStore"/> per process, loaded from the embedded policy,
    /// <c>GoldenPath:Guardrails:PoliciesDirectory</c> and <c>GoldenPath:Guardrails:PolicyPath</c>. The store is built
    /// when the host starts, so a broken policy file stops startup with its file and line: running without the
    /// intended rails would be worse than not running.
    /// </summary>
    /// <remarks>
    /// <see cref="GuardrailEngine"/> stays resolvable, as the active version at the time of resolution. Anything that
    /// lives longer than one request should take the store and read <see cref="GuardrailPolicyStore.Current"/>
    /// per use, or it keeps evaluating with the version that was active when it was built.
    /// </remarks>
    public static TBuilder AddGoldenPathGuardrails<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<GuardrailOptions>().BindConfiguration(SectionName);
        builder.Services.AddSingleton(services => new GuardrailPolicyStore(
            services.GetRequiredService<IOptions<GuardrailOptions>>().Value,
            services.GetService<TimeProvider>()));
        builder.Services.AddTransient(services => services.GetRequiredService<GuardrailPolicyStore>().Current);

        // Tools the policy marks "requiresApproval" wait here instead of running; a host may register a durable queue.
        builder.Services.TryAddSingleton<IToolApprovalQueue>(services => new InMemoryToolApprovalQueue(timeProvider: services.GetService<TimeProvider>()));
        builder.Services.AddHostedService<PolicyStoreStartup>();
        return builder;
    }

    /// <summary>
    /// Builds the store while the host starts instead of on the first chat turn, and watches the policy files so a
    /// new version applies without a restart.
    /// </summary>
    private sealed class PolicyStoreStartup(
        GuardrailPolicyStore store,
        IOptions<GuardrailOptions> options,
        ILogger<GuardrailPolicyStore> logger) : IHostedService, IDisposable
    {
        private PolicyFileWatcher? _watcher;

        // Resolving the store (a constructor argument) is most of the work: it loads and validates every policy file.
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var settings = options.Value;
            if (settings.WatchPolicyFiles && (!string.IsNullOrWhiteSpace(settings.PolicyPath) || !string.IsNullOrWhiteSpace(settings.PoliciesDirectory)))
            {
                _watcher = new PolicyFileWatcher(store, settings.PolicyPath, settings.PoliciesDirectory);
                _watcher.Reloaded += (_, result) => PolicyReloadLog.Write(logger, result);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _watcher?.Dispose();
            _watcher = null;
            return Task.CompletedTask;
        }

        public void Dispose() => _watcher?.Dispose();
    }
}
