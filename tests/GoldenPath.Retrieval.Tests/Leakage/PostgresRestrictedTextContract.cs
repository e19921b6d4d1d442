using GoldenPath.Retrieval.Tests.Postgres;
using Npgsql;

namespace GoldenPath.Retrieval.Tests.Leakage;

/// <summary>The probe contract plus what the PostgreSQL store adds: the window table, its permissions and its backfill.</summary>
public abstract class PostgresRestrictedTextContract(IPostgresServer server) : RestrictedTextContract
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private protected override async Task<ProbeStore> CreateAsync()
    {
        var scratch = await ScratchStore.CreateAsync(server);
        return new ProbeStore(scratch.Store, scratch.DisposeAsync);
    }

    [Fact]
    public async Task TheReaderRole_CannotReadTheWindowTable()
    {
        await using var scratch = await ScratchStore.CreateAsync(server);
        await scratch.UpsertAsync(LeakCorpus.Merger(), LeakCorpus.Handbook());
        Assert.True(await scratch.OwnerScalarAsync("SELECT count(*) FROM \"{s}\".chunk_shingles") > 0);

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            scratch.ReaderScalarAsync("SELECT count(*) FROM \"{s}\".chunk_shingles", ["group:board"]));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task RemovingADocument_RemovesItsWindows()
    {
        await using var scratch = await ScratchStore.CreateAsync(server);
        await scratch.UpsertAsync(LeakCorpus.Merger(), LeakCorpus.Handbook());

        await scratch.Store.RemoveAsync("merger-plan", Token);

        Assert.Equal(0, await scratch.OwnerScalarAsync("SELECT count(*) FROM \"{s}\".chunk_shingles WHERE document_id = 'merger-plan'"));
    }

    [Fact]
    public async Task UpgradingASchemaWithDocuments_BackfillsTheirWindows()
    {
        await using var scratch = await ScratchStore.CreateAsync(server);
        await scratch.UpsertAsync(LeakCorpus.Merger(), LeakCorpus.Handbook());

        // Roll the schema back to the step before the window table, as a store created by an earlier release would be.
        await scratch.OwnerScalarAsync($"DROP TABLE \"{{s}}\".chunk_shingles; DELETE FROM \"{{s}}\".goldenpath_schema_version WHERE version = {PostgresMigrations.ShinglesVersion}; SELECT 0");
        Assert.Equal(1, await scratch.Store.EnsureSchemaAsync(Token));

        Assert.Equal("merger-plan", Assert.Single(await scratch.Store.FindUnreadableTextAsync(LeakCorpus.MergerSentence, LeakCorpus.Employee, Token)).DocumentId);
        Assert.Empty(await scratch.Store.FindUnreadableTextAsync(LeakCorpus.Footer, LeakCorpus.Employee, Token));
    }
}
