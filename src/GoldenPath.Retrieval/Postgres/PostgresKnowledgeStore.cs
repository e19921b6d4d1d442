using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using Pgvector.Npgsql;

namespace GoldenPath.Retrieval;

/// <summary>
/// A PostgreSQL + pgvector knowledge store where the database itself enforces the ACL: row-level security is forced on
/// both tables and every search runs as a non-owner reader role with the caller's principals in a transaction-local
/// setting, so a query that forgot its filter still sees only permitted rows.
/// </summary>
/// <remarks>
/// Searches also filter explicitly (<c>acl &amp;&amp; principals</c>) so the planner can use the ACL index and the HNSW
/// iterative scan fills k even when few rows are permitted, then re-check every row in .NET against both the chunk's and
/// the document's ACL. A row failing that check means the database and the store disagree; it is dropped and reported as
/// a security event, exactly as <see cref="KnowledgeIndex"/> does. Writes run as the connection's own role (the owner).
/// </remarks>
public sealed class PostgresKnowledgeStore : IKnowledgeStore, IRestrictedTextFinder, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgresSchemaNames _names;
    private readonly PostgresStatements _sql;
    private readonly StoreEmbedder _embedder;
    private readonly ILogger _logger;
    private readonly int _writeTimeoutSeconds;

    /// <summary>Uses <paramref name="dataSource"/>, which must be built with <c>NpgsqlDataSourceBuilder.UseVector()</c>; the caller keeps ownership.</summary>
    public PostgresKnowledgeStore(NpgsqlDataSource dataSource, PostgresStoreOptions? options = null, ILogger? logger = null)
        : this(dataSource, ownsDataSource: false, options ?? new PostgresStoreOptions(), logger)
    {
    }

    private PostgresKnowledgeStore(NpgsqlDataSource dataSource, bool ownsDataSource, PostgresStoreOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _names = new PostgresSchemaNames(options);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _sql = new PostgresStatements(_names);
        _embedder = StoreEmbedder.Create(
            options.EmbeddingGenerator ?? new HashingEmbedder(_names.Dimensions),
            _names.Dimensions,
            "PostgreSQL knowledge store",
            "PostgresStoreOptions.Dimensions");
        _logger = logger ?? NullLogger.Instance;
        _writeTimeoutSeconds = (int)Math.Clamp(options.CommandTimeout.TotalSeconds, 1, int.MaxValue);
        Options = options;
    }

    /// <summary>Creates a store that owns a data source for <paramref name="connectionString"/> with pgvector mapped.</summary>
    public static PostgresKnowledgeStore Create(string connectionString, PostgresStoreOptions? options = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        var dataSource = builder.Build();
        try
        {
            return new PostgresKnowledgeStore(dataSource, ownsDataSource: true, options ?? new PostgresStoreOptions(), logger);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    public int Dimensions => _names.Dimensions;

    public PostgresStoreOptions Options { get; }

    /// <summary>
    /// Applies the migrations this schema has not seen yet, in one transaction under an advisory lock, so concurrent
    /// starts cannot apply a step twice. Running it again is a no-op.
    /// </summary>
    /// <returns>The number of migrations applied.</returns>
    /// <exception cref="InvalidOperationException">The schema is newer than this library, or was created with other dimensions.</exception>
    public async Task<int> EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock(hashtext('goldenpath_schema:' || '{_names.SchemaName}'))", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {_names.Schema}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"""
            CREATE TABLE IF NOT EXISTS {_names.Versions} (
                version integer PRIMARY KEY,
                description text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken).ConfigureAwait(false);

        int current;
        await using (var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {_names.Versions}", connection, transaction))
        {
            current = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var latest = PostgresMigrations.All[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"Schema '{_names.SchemaName}' is at version {current}, but this GoldenPath.Retrieval knows versions up to {latest}; upgrade the package rather than run an older one against it.");
        }

        var applied = 0;
        foreach (var migration in PostgresMigrations.All.Where(m => m.Version > current))
        {
            foreach (var statement in migration.Statements(_names))
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            await using var record = new NpgsqlCommand($"INSERT INTO {_names.Versions} (version, description) VALUES ($1, $2)", connection, transaction);
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Description });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied++;
        }

        if (current is > 0 and < PostgresMigrations.ShinglesVersion)
        {
            await BackfillShinglesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        await CheckDimensionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (applied > 0)
        {
            // The data source cached the database's types when it first connected, possibly before the vector type existed.
            await connection.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
        }

        return applied;
    }

    public async Task UpsertAsync(AclDocument document, CancellationToken cancellationToken = default)
    {
        string[] acl = [.. DocumentRules.NormalizedAcl(document)];

        var chunks = Screen(document.Id, MarkdownChunker.Split(document.Content));
        var ordinals = new int[chunks.Count];
        var texts = new string[chunks.Count];
        var indexTexts = new string[chunks.Count];
        var keywords = new string[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            indexTexts[i] = MarkdownChunker.IndexText(document.Title, chunks[i]);
            ordinals[i] = chunks[i].Ordinal;
            texts[i] = chunks[i].Text;
            keywords[i] = string.Join(' ', TextAnalyzer.ContentTerms(indexTexts[i]));
        }

        // One call per document: a remote model pays one round trip, not one per chunk.
        var embeddings = Array.ConvertAll(await _embedder.EmbedAsync(indexTexts, cancellationToken).ConfigureAwait(false), vector => new Vector(vector));

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = _writeTimeoutSeconds };

        var upsert = new NpgsqlBatchCommand(_sql.UpsertDocument);
        upsert.Parameters.Add(new() { Value = document.Id });
        upsert.Parameters.Add(new() { Value = document.Title });
        upsert.Parameters.Add(new() { Value = document.Source ?? string.Empty });
        upsert.Parameters.Add(new() { Value = document.ContentHash ?? string.Empty });
        upsert.Parameters.Add(new() { Value = string.IsNullOrWhiteSpace(document.Classification) ? "internal" : document.Classification });
        upsert.Parameters.Add(new() { Value = acl, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        batch.BatchCommands.Add(upsert);

        var clear = new NpgsqlBatchCommand(_sql.DeleteChunks);
        clear.Parameters.Add(new() { Value = document.Id });
        batch.BatchCommands.Add(clear);

        // Parameter arrays through unnest: one round trip per document, and no binary COPY, which some engines lack.
        var insert = new NpgsqlBatchCommand(_sql.InsertChunks);
        insert.Parameters.Add(new() { Value = document.Id });
        insert.Parameters.Add(new() { Value = acl, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = ordinals });
        insert.Parameters.Add(new() { Value = texts });
        insert.Parameters.Add(new() { Value = embeddings });
        insert.Parameters.Add(new() { Value = keywords });
        batch.BatchCommands.Add(insert);

        var clearShingles = new NpgsqlBatchCommand(_sql.DeleteShingles);
        clearShingles.Parameters.Add(new() { Value = document.Id });
        batch.BatchCommands.Add(clearShingles);
        batch.BatchCommands.Add(InsertShingles(document.Id, texts));

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidCastException ex) when (ex.Message.Contains(nameof(Vector), StringComparison.Ordinal))
        {
            throw MissingVectorMapping(ex);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the chunks the screen quarantines, so injected instructions never reach the table.</summary>
    private IReadOnlyList<DocumentChunk> Screen(string documentId, IReadOnlyList<DocumentChunk> chunks)
    {
        if (Options.ChunkScreen is not { } screen)
        {
            return chunks;
        }

        var kept = new List<DocumentChunk>(chunks.Count);
        foreach (var chunk in chunks)
        {
            var result = screen.Screen(documentId, chunk.Text);
            if (result.Action is ChunkScreenAction.Quarantine)
            {
                Log.ChunkQuarantined(_logger, documentId, chunk.Ordinal, result.Reason ?? "screened out");
                continue;
            }

            kept.Add(chunk);
        }

        return kept;
    }

    public async Task<bool> RemoveAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.DeleteDocument, connection) { CommandTimeout = _writeTimeoutSeconds };
        command.Parameters.Add(new() { Value = documentId });

        // Chunks go with the document through ON DELETE CASCADE, in the same statement.
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>
    /// Returns at most <paramref name="top"/> passages the caller may read, best first: reciprocal-rank fusion of the
    /// cosine (HNSW) and keyword (<c>ts_rank</c>) rankings of permitted chunks. As in <see cref="KnowledgeIndex"/>, a
    /// chunk sharing no keyword with the query is kept only when its cosine is high enough.
    /// </summary>
    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, PrincipalSet principals, int top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principals);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);

        using var record = SearchRecord.Start(query, principals);

        var results = new List<RetrievedPassage>();
        var dropped = 0;
        var terms = TextAnalyzer.ContentTerms(query).Distinct(StringComparer.Ordinal).ToArray();
        var queryVector = principals.Count > 0 && !string.IsNullOrWhiteSpace(query)
            ? (await _embedder.EmbedAsync([query], cancellationToken).ConfigureAwait(false))[0]
            : [];
        if (principals.Count > 0 && (terms.Length > 0 || queryVector.Any(x => x != 0)))
        {
            var candidates = Math.Clamp(top * 4, 40, 1000);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await BeginAsReaderAsync(connection, principals, candidates, cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(_sql.Search, connection, transaction);
            command.Parameters.Add(new() { Value = new Vector(queryVector) });
            command.Parameters.Add(new() { Value = PrincipalArray(principals), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = candidates });
            command.Parameters.Add(new() { Value = terms.Length == 0 ? DBNull.Value : KeywordQuery(terms), NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = (double)HybridRanker.MinCosineWithoutLexicalOverlap });

            await using var reader = await ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
            while (results.Count < top && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var documentId = reader.GetString(0);
                var chunkAcl = reader.GetFieldValue<string[]>(3);
                var documentAcl = reader.IsDBNull(4) ? null : reader.GetFieldValue<string[]>(4);

                // The document row is missing when its own ACL hides it: the chunk's copy of the ACL is then stale.
                if (documentAcl is null || !principals.CanRead(chunkAcl) || !principals.CanRead(documentAcl))
                {
                    dropped++;
                    Log.AclMismatchDropped(_logger, documentId, principals.Hash);
                    continue;
                }

                results.Add(new RetrievedPassage(documentId, reader.GetString(1), reader.GetString(2), reader.GetDouble(5)));
            }
        }

        record.Complete(_logger, results, dropped, DateTimeOffset.UtcNow);
        return results.AsReadOnly();
    }

    public async Task<bool> CanReadAsync(PrincipalSet principals, string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principals);
        ArgumentNullException.ThrowIfNull(documentId);
        if (principals.Count == 0)
        {
            return false;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginAsReaderAsync(connection, principals, Options.EfSearch, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.DocumentAcl, connection, transaction);
        command.Parameters.Add(new() { Value = documentId });
        command.Parameters.Add(new() { Value = PrincipalArray(principals), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var acl = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string[];
        return acl is not null && principals.CanRead(acl);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Blocks on one round trip with Npgsql's synchronous API (no sync-over-async), for synchronous output checks;
    /// prefer <see cref="FindUnreadableTextAsync"/> where the caller can await.
    /// </remarks>
    public IReadOnlyList<RestrictedTextMatch> FindUnreadableText(string answer, PrincipalSet caller)
    {
        var shingled = ShingleAnswer(answer, caller);
        if (shingled.Hashes.Length == 0)
        {
            return [];
        }

        using var connection = _dataSource.OpenConnection();
        using var command = RestrictedShinglesCommand(connection, shingled, caller);
        using var reader = command.ExecuteReader();
        var holders = new Dictionary<ulong, List<string>>();
        while (reader.Read())
        {
            AddHolder(holders, reader);
        }

        return shingled.Runs(i => holders.GetValueOrDefault(shingled.Hashes[i]));
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The query runs as the owner, not as the reader role under the caller's principals: it must see the windows of
    /// documents the caller cannot read. It returns only window hashes and document ids; no chunk text leaves the
    /// database, and the reader role has no access to the window table at all.
    /// </remarks>
    public async Task<IReadOnlyList<RestrictedTextMatch>> FindUnreadableTextAsync(string answer, PrincipalSet caller, CancellationToken cancellationToken = default)
    {
        var shingled = ShingleAnswer(answer, caller);
        if (shingled.Hashes.Length == 0)
        {
            return [];
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = RestrictedShinglesCommand(connection, shingled, caller);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var holders = new Dictionary<ulong, List<string>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            AddHolder(holders, reader);
        }

        return shingled.Runs(i => holders.GetValueOrDefault(shingled.Hashes[i]));
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The vector leg alone: the <paramref name="k"/> permitted chunks nearest to <paramref name="vector"/>, nearest
    /// first, as the search sees them. Benchmarks compare it with an exact scan to measure recall and under-fill.
    /// </summary>
    internal async Task<IReadOnlyList<(string DocumentId, int Ordinal)>> NearestAsync(float[] vector, PrincipalSet principals, int k, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginAsReaderAsync(connection, principals, k, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_sql.Nearest, connection, transaction);
        command.Parameters.Add(new() { Value = new Vector(vector) });
        command.Parameters.Add(new() { Value = PrincipalArray(principals), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = k });

        var nearest = new List<(string, int)>(k);
        await using var reader = await ExecuteReaderAsync(command, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            nearest.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return nearest;
    }

    internal NpgsqlDataSource DataSource => _dataSource;

    internal PostgresSchemaNames Names => _names;

    /// <summary>
    /// Starts a transaction that is, until it ends, the reader role acting for <paramref name="principals"/>. Everything
    /// is <c>LOCAL</c>, so a pooled connection returns to its owner role with no principals set.
    /// </summary>
    private async Task<NpgsqlTransaction> BeginAsReaderAsync(NpgsqlConnection connection, PrincipalSet principals, int candidates, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var batch = new NpgsqlBatch(connection, transaction);

            // hnsw.* is set before the role switch: the settings belong to an extension library that may load later.
            var settings = new NpgsqlBatchCommand("""
                SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true),
                       set_config('hnsw.ef_search', $1, true),
                       set_config('app.principals', $2::text, true)
                """);
            settings.Parameters.Add(new() { Value = Math.Clamp(Math.Max(Options.EfSearch, candidates), 1, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            settings.Parameters.Add(new() { Value = PrincipalArray(principals), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            batch.BatchCommands.Add(settings);
            if (Options.ForceVectorIndex)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)"));
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL ROLE {_names.ReaderRole}"));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static ShingledText ShingleAnswer(string answer, PrincipalSet caller)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(caller);
        return TextShingles.Of(answer);
    }

    private NpgsqlCommand RestrictedShinglesCommand(NpgsqlConnection connection, ShingledText answer, PrincipalSet caller)
    {
        var command = new NpgsqlCommand(_sql.RestrictedShingles, connection);
        command.Parameters.Add(new() { Value = answer.Hashes.Distinct().Select(hash => unchecked((long)hash)).ToArray() });
        command.Parameters.Add(new() { Value = PrincipalArray(caller), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }

    private static void AddHolder(Dictionary<ulong, List<string>> holders, NpgsqlDataReader reader)
    {
        var hash = unchecked((ulong)reader.GetInt64(0));
        if (!holders.TryGetValue(hash, out var documents))
        {
            holders[hash] = documents = [];
        }

        documents.Add(reader.GetString(1));
    }

    private NpgsqlBatchCommand InsertShingles(string documentId, IEnumerable<string> texts)
    {
        var command = new NpgsqlBatchCommand(_sql.InsertShingles);
        command.Parameters.Add(new() { Value = documentId });
        command.Parameters.Add(new() { Value = Array.ConvertAll(TextShingles.DistinctHashes(texts), hash => unchecked((long)hash)) });
        return command;
    }

    /// <summary>Fills <c>chunk_shingles</c> for documents stored before the table existed, inside the migration's transaction.</summary>
    private async Task BackfillShinglesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var texts = new List<(string DocumentId, string Text)>();
        await using (var read = new NpgsqlCommand(_sql.AllChunkTexts, connection, transaction) { CommandTimeout = _writeTimeoutSeconds })
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                texts.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var document in texts.GroupBy(row => row.DocumentId, StringComparer.Ordinal))
        {
            await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = _writeTimeoutSeconds };
            batch.BatchCommands.Add(InsertShingles(document.Key, document.Select(row => row.Text)));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckDimensionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT atttypmod FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'embedding'", connection, transaction);
        command.Parameters.Add(new() { Value = _names.Chunks });
        var stored = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (stored != _names.Dimensions)
        {
            throw new InvalidOperationException(
                $"Schema '{_names.SchemaName}' stores {stored}-dimension embeddings but the store was configured with {_names.Dimensions}; set PostgresStoreOptions.Dimensions = {stored} or use another schema.");
        }
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = _writeTimeoutSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<NpgsqlDataReader> ExecuteReaderAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidCastException ex) when (ex.Message.Contains(nameof(Vector), StringComparison.Ordinal))
        {
            throw MissingVectorMapping(ex);
        }
    }

    private static string[] PrincipalArray(PrincipalSet principals) => [.. principals];

    // Terms are runs of letters and digits, but quote them anyway so no input can change the query's shape.
    private static string KeywordQuery(IEnumerable<string> terms) =>
        string.Join(" | ", terms.Select(term => "'" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'"));

    private static InvalidOperationException MissingVectorMapping(InvalidCastException inner) =>
        new("Npgsql cannot send pgvector values: build the NpgsqlDataSource with NpgsqlDataSourceBuilder.UseVector() (package Pgvector) or use PostgresKnowledgeStore.Create(connectionString), and run EnsureSchemaAsync before the first write so the vector type exists.", inner);
}
