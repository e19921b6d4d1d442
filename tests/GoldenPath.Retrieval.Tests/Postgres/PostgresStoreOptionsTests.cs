using GoldenPath.Retrieval.Tests.Embeddings;

namespace GoldenPath.Retrieval.Tests.Postgres;

/// <summary>Configuration and input errors surface before any connection is opened.</summary>
public sealed class PostgresStoreOptionsTests
{
    // Nothing listens here: these tests must fail before connecting.
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=1";

    [Theory]
    [InlineData("Knowledge")]
    [InlineData("kb; DROP TABLE x")]
    [InlineData("1kb")]
    [InlineData("")]
    public void Create_RejectsASchemaNameThatIsNotAPlainIdentifier(string schema)
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresKnowledgeStore.Create(Unreachable, new PostgresStoreOptions { Schema = schema }));

        Assert.Contains("PostgresStoreOptions.Schema", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RejectsAnInvalidReaderRole()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresKnowledgeStore.Create(Unreachable, new PostgresStoreOptions { ReaderRole = "Reader\"" }));

        Assert.Contains("PostgresStoreOptions.ReaderRole", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2001)]
    public void Create_RejectsDimensionsAnHnswIndexCannotHold(int dimensions)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PostgresKnowledgeStore.Create(Unreachable, new PostgresStoreOptions { Dimensions = dimensions }));
    }

    [Fact]
    public void Create_RejectsAModelDeclaringOtherDimensions()
    {
        var options = new PostgresStoreOptions { EmbeddingGenerator = new WordBucketGenerator(1536, declaredDimensions: 1536) };

        var error = Assert.Throws<InvalidOperationException>(() => PostgresKnowledgeStore.Create(Unreachable, options));

        Assert.Contains("built with 384 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgresStoreOptions.Dimensions = 1536", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_RejectsADocumentEmbeddedWithOtherDimensionsBeforeConnecting()
    {
        await using var store = PostgresKnowledgeStore.Create(Unreachable, new PostgresStoreOptions { Dimensions = 64, EmbeddingGenerator = new WordBucketGenerator(32) });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpsertAsync(PostgresCorpus.Handbook(), TestContext.Current.CancellationToken));

        Assert.Contains("built with 64 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("produced 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_RejectsADocumentWithoutAclBeforeConnecting()
    {
        await using var store = PostgresKnowledgeStore.Create(Unreachable);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync(PostgresCorpus.Document("open", "Open", "text", []), TestContext.Current.CancellationToken));

        Assert.Contains("no ACL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_RejectsAWildcardAclEntry()
    {
        await using var store = PostgresKnowledgeStore.Create(Unreachable);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync(PostgresCorpus.Document("open", "Open", "text", ["everyone"]), TestContext.Current.CancellationToken));

        Assert.Contains("group:employees", error.Message, StringComparison.Ordinal);
    }
}
