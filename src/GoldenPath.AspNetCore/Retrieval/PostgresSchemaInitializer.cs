using GoldenPath.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Retrieval;

/// <summary>
/// With the PostgreSQL store, applies its idempotent migrations (tables, indexes, row-level security, the non-owner
/// reader role) at startup, before the first request can search. With the embedded store it does nothing.
/// </summary>
internal sealed class PostgresSchemaInitializer(IServiceProvider services, IOptions<RetrievalOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.Store is KnowledgeStoreKind.Postgres
            ? services.GetRequiredService<PostgresKnowledgeStore>().EnsureSchemaAsync(cancellationToken)
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
