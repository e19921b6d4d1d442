using System.Net.Sockets;
using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;

namespace GoldenPath.Retrieval.Tests.Postgres;

/// <summary>The stock pgvector image under Testcontainers, for machines with a Docker engine; skipped elsewhere.</summary>
public sealed class PostgresContainerServer : IPostgresServer, IAsyncLifetime
{
    private PostgreSqlContainer? _container;

    public string? SkipReason { get; private set; }

    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        try
        {
            _container = new PostgreSqlBuilder("pgvector/pgvector:pg17").Build();
            await _container.StartAsync();
            ConnectionString = _container.GetConnectionString();
        }
        catch (Exception ex) when (ex is DockerUnavailableException or HttpRequestException or SocketException or TimeoutException
            || ex.InnerException is DockerUnavailableException or HttpRequestException or SocketException)
        {
            // Nothing was started without an engine, so there is nothing to dispose either.
            _container = null;
            SkipReason = $"no Docker engine ({ex.GetType().Name}: {ex.Message.Split('\n')[0]})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
