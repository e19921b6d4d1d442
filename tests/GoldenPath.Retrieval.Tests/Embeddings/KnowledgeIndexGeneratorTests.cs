using GoldenPath.Retrieval.Tests.Indexing;

namespace GoldenPath.Retrieval.Tests.Embeddings;

/// <summary>The embedded store fed by an embedding model other than the hashing embedder.</summary>
public sealed class KnowledgeIndexGeneratorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static AclDocument Handbook() => Corpus.Document(
        "handbook",
        "Employee handbook",
        "# Laptops\nRequest a replacement laptop through the service desk portal.\n\n# Office hours\nThe office opens at eight and closes at six.",
        ["group:employees"]);

    [Fact]
    public async Task AModelOfOtherDimensionsIngestsAndSearchesWithAclFiltering()
    {
        var generator = new WordBucketGenerator(64);
        using var index = new KnowledgeIndex(generator, new KnowledgeIndexOptions { Dimensions = 64 });

        await index.UpsertAsync(Corpus.Salaries(), Token);
        await index.UpsertAsync(Corpus.Payroll(), Token);
        await index.UpsertAsync(Corpus.Vpn(), Token);

        Assert.Equal(64, index.Dimensions);
        Assert.Equal(3, index.DocumentCount);
        var insider = await index.SearchAsync("senior engineer salary band", Corpus.HrPartner, 4, Token);
        var outsider = await index.SearchAsync("senior engineer salary band", Corpus.Employee, 4, Token);
        Assert.Equal("salary-bands", insider[0].DocumentId);
        Assert.DoesNotContain(outsider, p => p.DocumentId == "salary-bands");
        Assert.Equal("vpn-guide", (await index.SearchAsync("install the vpn client", Corpus.Employee, 1, Token))[0].DocumentId);
    }

    [Fact]
    public async Task ADocumentIsEmbeddedInOneCallWithTheCallersToken()
    {
        var generator = new WordBucketGenerator(64);
        using var index = new KnowledgeIndex(generator, new KnowledgeIndexOptions { Dimensions = 64 });

        var result = await index.UpsertWithResultAsync(Handbook(), Token);

        Assert.True(result.IndexedChunks > 1, "the handbook should split into several chunks");
        var call = Assert.Single(generator.Calls);
        Assert.Equal(result.IndexedChunks, call.Inputs.Length);
        Assert.Equal(Token, call.Token);
    }

    [Fact]
    public async Task AnUnchangedDocumentAndACachedSearchDoNotCallTheModelAgain()
    {
        var generator = new WordBucketGenerator(64);
        using var index = new KnowledgeIndex(generator, new KnowledgeIndexOptions { Dimensions = 64 });
        await index.UpsertAsync(Handbook(), Token);
        await index.SearchAsync("replacement laptop", Corpus.Employee, 4, Token);
        var calls = generator.Calls.Count;

        var again = await index.UpsertWithResultAsync(Handbook(), Token);
        await index.SearchAsync("replacement laptop", Corpus.Employee, 4, Token);

        Assert.Equal(IngestionOutcome.Unchanged, again.Outcome);
        Assert.Equal(calls, generator.Calls.Count);
    }

    [Fact]
    public async Task AQueryEmbeddedWithOtherDimensionsFailsNamingBothSizesAndTheFix()
    {
        var generator = new WordBucketGenerator(64);
        using var index = new KnowledgeIndex(generator, new KnowledgeIndexOptions { Dimensions = 64 });
        await index.UpsertAsync(Corpus.Payroll(), Token);
        generator.Dimensions = 1536;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => index.SearchAsync("salary payments", Corpus.Employee, 4, Token));

        Assert.Contains("built with 64 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("'test-provider/word-buckets' produced 1536", error.Message, StringComparison.Ordinal);
        Assert.Contains("Re-ingest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADocumentEmbeddedWithOtherDimensionsIsRefusedAndNothingIsStored()
    {
        using var index = new KnowledgeIndex(new WordBucketGenerator(32), new KnowledgeIndexOptions { Dimensions = 64 });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => index.UpsertAsync(Corpus.Payroll(), Token));

        Assert.Contains("64", error.Message, StringComparison.Ordinal);
        Assert.Contains("32", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, index.DocumentCount);
    }

    [Fact]
    public void DimensionsComeFromTheModelsMetadataWhenNotConfigured()
    {
        using var index = new KnowledgeIndex(new WordBucketGenerator(48, declaredDimensions: 48));

        Assert.Equal(48, index.Dimensions);
    }

    [Fact]
    public void ConfiguredDimensionsThatContradictTheModelsMetadataAreRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new KnowledgeIndex(new WordBucketGenerator(1536, declaredDimensions: 1536), new KnowledgeIndexOptions { Dimensions = 384 }));

        Assert.Contains("384", error.Message, StringComparison.Ordinal);
        Assert.Contains("1536", error.Message, StringComparison.Ordinal);
        Assert.Contains("KnowledgeIndexOptions.Dimensions = 1536", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelThatDeclaresNoDimensionsNeedsThemConfigured()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new KnowledgeIndex(new WordBucketGenerator(64)));

        Assert.Contains("Set KnowledgeIndexOptions.Dimensions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSynchronousMethodsNeedTheHashingEmbedder()
    {
        using var index = new KnowledgeIndex(new WordBucketGenerator(64), new KnowledgeIndexOptions { Dimensions = 64 });

        var upsert = Assert.Throws<InvalidOperationException>(() => index.Upsert(Corpus.Payroll()));
        var search = Assert.Throws<InvalidOperationException>(() => index.Search("salary payments", Corpus.Employee));
        var ingest = Assert.Throws<InvalidOperationException>(() => index.Ingest(new IngestionReport([Corpus.Payroll()], [])));

        Assert.Contains("use UpsertAsync", upsert.Message, StringComparison.Ordinal);
        Assert.Contains("use SearchAsync", search.Message, StringComparison.Ordinal);
        Assert.Contains("use IngestAsync", ingest.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsyncStoresAcceptedDocumentsAndRejectsInvalidOnes()
    {
        using var index = new KnowledgeIndex(new WordBucketGenerator(64), new KnowledgeIndexOptions { Dimensions = 64 });
        var noAcl = Corpus.Document("open", "Open", "Everyone may read this.", []);

        var result = await index.IngestAsync(new IngestionReport([Corpus.Payroll(), noAcl], []), Token);

        Assert.Equal("payroll-calendar", Assert.Single(result.Documents).DocumentId);
        Assert.Contains("no ACL", Assert.Single(result.Rejected).Reason, StringComparison.Ordinal);
        Assert.True(await index.CanReadAsync(Corpus.Employee, "payroll-calendar", Token));
    }

    [Fact]
    public async Task APersistedStoreReopensWithTheSameModelAndRefusesAnother()
    {
        using var directory = new TemporaryDirectory();
        var options = new KnowledgeIndexOptions { Dimensions = 64 };
        using (var store = KnowledgeIndex.Open(directory.Path, new WordBucketGenerator(64), options))
        {
            await store.UpsertAsync(Corpus.Payroll(), Token);
        }

        using (var reopened = KnowledgeIndex.Open(directory.Path, new WordBucketGenerator(64), options))
        {
            Assert.Equal("payroll-calendar", (await reopened.SearchAsync("salary payments", Corpus.Employee, 1, Token))[0].DocumentId);
        }

        var error = Assert.Throws<KnowledgeStoreException>(() => KnowledgeIndex.Open(directory.Path, new HashingEmbedder()));
        Assert.Contains("64", error.Message, StringComparison.Ordinal);
        Assert.Contains("384", error.Message, StringComparison.Ordinal);
    }
}
