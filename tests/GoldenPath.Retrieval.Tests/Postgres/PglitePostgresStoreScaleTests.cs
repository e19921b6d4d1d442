using Npgsql;

namespace GoldenPath.Retrieval.Tests.Postgres;

/// <summary>Heavier checks that run on PGlite only: many chunks, many callers, and misconfiguration.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PglitePostgresStoreScaleTests(PgliteServer server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Forced: at this size the planner prefers the ACL index and an exact sort, which cannot under-fill; through HNSW
    // alone, ef_search candidates of which 1% are permitted would leave most searches short without iterative scans.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task VectorLeg_AtOnePercentSelectivity_NeverUnderfillsTen(bool forceVectorIndex)
    {
        SkipWithoutServer();

        var result = await PostgresBench.RunAsync(server.ConnectionString, chunks: 2_000, dimensions: 384, selectivity: 0.01, queries: 40, seed: 7, forceVectorIndex, Token);

        Assert.Equal(2_000, result.Chunks);
        Assert.Equal(0, result.Underfilled);
        Assert.InRange(result.RecallAt10, 0.9, 1.0);
        Assert.True(result.P50Us > 0 && result.P99Us >= result.P50Us);
    }

    [Fact]
    public async Task Search_RandomCallersAndQuestions_NeverSeeADocumentOutsideTheirAcl()
    {
        var random = new Random(20_260_101);
        string[] pool = ["group:employees", "group:hr", "group:finance", "group:it", "group:legal", "role:admin", "user:ana", "user:ben"];
        var vocabulary = Enumerable.Range(0, 120).Select(i => $"term{i}").ToArray();
        var documents = Enumerable.Range(0, 60).Select(i =>
        {
            var acl = pool.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
            var content = string.Join("\n\n", Enumerable.Range(0, 3).Select(_ => string.Join(' ', Enumerable.Range(0, 30).Select(_ => vocabulary[random.Next(vocabulary.Length)]))));
            return PostgresCorpus.Document($"doc-{i:D3}", $"Document {i}", content, acl);
        }).ToArray();
        var aclById = documents.ToDictionary(d => d.Id, d => d.Acl);

        await using var scratch = await ScratchStore.CreateAsync(server);
        await scratch.UpsertAsync(documents);

        var served = 0;
        for (var pair = 0; pair < 1_000; pair++)
        {
            var principals = PrincipalSet.From(pool.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Append($"user:visitor{pair}"));
            var question = string.Join(' ', Enumerable.Range(0, 3).Select(_ => vocabulary[random.Next(vocabulary.Length)]));

            var results = await scratch.Store.SearchAsync(question, principals, 10, Token);

            Assert.All(results, r => Assert.True(principals.CanRead(aclById[r.DocumentId]), $"'{question}' served {r.DocumentId} to a caller outside its ACL"));
            served += results.Count;
        }

        // Guards against a vacuous pass: the callers do get answers, just never foreign ones.
        Assert.True(served > 1_000, $"only {served} passages were served across 1,000 searches");
    }

    [Fact]
    public async Task Upsert_WithoutThePgvectorMapping_ExplainsTheFix()
    {
        SkipWithoutServer();
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var schema = $"t_{Guid.NewGuid():N}";
        await using var store = new PostgresKnowledgeStore(dataSource, new PostgresStoreOptions { Schema = schema });
        try
        {
            await store.EnsureSchemaAsync(Token);

            var write = await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpsertAsync(PostgresCorpus.Handbook(), Token));
            var search = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SearchAsync("laptop", PrincipalSet.From(["group:employees"]), 4, Token));

            Assert.Contains("UseVector()", write.Message, StringComparison.Ordinal);
            Assert.Contains("UseVector()", search.Message, StringComparison.Ordinal);
        }
        finally
        {
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private void SkipWithoutServer()
    {
        if (server.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
