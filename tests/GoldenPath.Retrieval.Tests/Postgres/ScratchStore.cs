using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pgvector.Npgsql;

namespace GoldenPath.Retrieval.Tests.Postgres;

/// <summary>A store in a schema of its own, dropped on dispose, plus raw connections for looking under the store.</summary>
internal sealed class ScratchStore : IAsyncDisposable
{
    private ScratchStore(NpgsqlDataSource dataSource, PostgresKnowledgeStore store, string schema)
    {
        DataSource = dataSource;
        Store = store;
        Schema = schema;
    }

    public NpgsqlDataSource DataSource { get; }

    public PostgresKnowledgeStore Store { get; }

    public string Schema { get; }

    public static async Task<ScratchStore> CreateAsync(
        IPostgresServer server,
        ILogger? logger = null,
        int dimensions = 384,
        IChunkScreen? screen = null,
        IEmbeddingGenerator<string, Embedding<float>>? generator = null)
    {
        if (server.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var builder = new NpgsqlDataSourceBuilder(server.ConnectionString);
        builder.UseVector();
        var dataSource = builder.Build();
        var schema = $"t_{Guid.NewGuid():N}";
        var store = new PostgresKnowledgeStore(dataSource, new PostgresStoreOptions { Schema = schema, Dimensions = dimensions, ChunkScreen = screen, EmbeddingGenerator = generator }, logger);
        await store.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        return new ScratchStore(dataSource, store, schema);
    }

    public async Task UpsertAsync(params AclDocument[] documents)
    {
        foreach (var document in documents)
        {
            await Store.UpsertAsync(document, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Runs <paramref name="sql"/> as the table owner, outside the store.</summary>
    public async Task<long> OwnerScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("{s}", Schema, StringComparison.Ordinal));
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> the way any code holding the reader role would, not through the store: only row-level
    /// security stands between it and the rows. <paramref name="principals"/> null leaves <c>app.principals</c> unset.
    /// </summary>
    public async Task<long> ReaderScalarAsync(string sql, string[]? principals)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var role = new NpgsqlCommand("SET LOCAL ROLE goldenpath_reader", connection, transaction))
        {
            await role.ExecuteNonQueryAsync(cancellationToken);
        }

        if (principals is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('app.principals', $1::text[]::text, true)", connection, transaction);
            set.Parameters.Add(new() { Value = principals });
            await set.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(sql.Replace("{s}", Schema, StringComparison.Ordinal), connection, transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var drop = DataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
        finally
        {
            await Store.DisposeAsync();
            await DataSource.DisposeAsync();
        }
    }
}
