namespace GoldenPath.Retrieval.Tests.Leakage;

public sealed class KnowledgeIndexRestrictedTextTests : RestrictedTextContract
{
    private static readonly HashingEmbedder s_embedder = new();

    private protected override Task<ProbeStore> CreateAsync()
    {
        var index = new KnowledgeIndex(s_embedder);
        return Task.FromResult(new ProbeStore(index, () =>
        {
            index.Dispose();
            return ValueTask.CompletedTask;
        }));
    }

    [Fact]
    public void ReopeningAPersistedStore_KeepsTheWindowIndex()
    {
        using var directory = new TemporaryDirectory();
        using (var store = KnowledgeIndex.Open(directory.Path, s_embedder))
        {
            store.Upsert(LeakCorpus.Merger());
            store.Upsert(LeakCorpus.Codename());
            store.Upsert(LeakCorpus.Handbook());
            Assert.True(store.Remove("codename-register"));
        }

        using var reopened = KnowledgeIndex.Open(directory.Path, s_embedder);

        Assert.Equal("merger-plan", Assert.Single(reopened.FindUnreadableText(LeakCorpus.MergerSentence, LeakCorpus.Employee)).DocumentId);
        Assert.Equal("merger-plan", Assert.Single(reopened.FindUnreadableText(LeakCorpus.CodenameSentence, LeakCorpus.Employee)).DocumentId);
        Assert.Empty(reopened.FindUnreadableText(LeakCorpus.Footer, LeakCorpus.Employee));
    }

    [Fact]
    public void ReopeningAfterCompaction_KeepsTheWindowIndex()
    {
        using var directory = new TemporaryDirectory();
        using (var store = KnowledgeIndex.Open(directory.Path, s_embedder, new KnowledgeIndexOptions { CompactAfterRecords = 1 }))
        {
            store.Upsert(LeakCorpus.Handbook());
            store.Upsert(LeakCorpus.Merger());
        }

        Assert.NotEmpty(Directory.GetFiles(directory.Path, "snapshot-*.gpks"));
        using var reopened = KnowledgeIndex.Open(directory.Path, s_embedder);

        Assert.Single(reopened.FindUnreadableText(LeakCorpus.MergerSentence, LeakCorpus.Employee));
        Assert.Empty(reopened.FindUnreadableText(LeakCorpus.HandbookSentence, LeakCorpus.Employee));
    }
}
