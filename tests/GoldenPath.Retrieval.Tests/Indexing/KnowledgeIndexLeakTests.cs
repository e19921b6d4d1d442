namespace GoldenPath.Retrieval.Tests.Indexing;

/// <summary>Randomized checks over a generated corpus: no caller ever sees, or is influenced by, what they cannot read.</summary>
public sealed class KnowledgeIndexLeakTests
{
    private static readonly string[] s_vocabulary =
    [
        "budget", "invoice", "laptop", "network", "salary", "holiday", "contract", "server", "badge", "expense",
        "travel", "office", "printer", "payroll", "incident", "release", "vendor", "audit", "backup", "password",
        "meeting", "project", "review", "policy", "training", "benefit", "pension", "deploy", "cluster", "ticket",
    ];

    private static readonly string[] s_principals =
    [
        "group:employees", "group:hr", "group:finance", "group:engineering", "role:admin", "role:auditor", "user:ana", "user:bo",
    ];

    [Fact]
    public void Search_NeverReturnsADocumentOutsideTheCallersPermissions()
    {
        var random = new Random(20_250_611);
        var documents = GenerateCorpus(random, count: 80);
        var index = Corpus.Index([.. documents]);
        var acls = documents.ToDictionary(d => d.Id, d => d.Acl);
        var served = 0;

        for (var i = 0; i < 300; i++)
        {
            var caller = RandomCaller(random);
            var query = RandomQuery(random);

            foreach (var passage in index.Search(query, caller, top: 8))
            {
                Assert.True(caller.CanRead(acls[passage.DocumentId]), $"'{passage.DocumentId}' leaked to [{string.Join(", ", caller)}] for '{query}'");
                served++;
            }
        }

        // Guards against a vacuous pass where nothing is ever returned, and proves the permission bitmaps (not the
        // post-ranking safety net) kept every caller inside their permissions.
        Assert.True(served > 300, $"only {served} passages served");
        Assert.Equal(0, index.DroppedTotal);
    }

    [Fact]
    public void Search_OverAReopenedPersistedStoreNeverLeaksAcrossAThousandRandomCallers()
    {
        var random = new Random(1_000);
        var documents = GenerateCorpus(random, count: 120);
        var acls = documents.ToDictionary(d => d.Id, d => d.Acl);
        using var directory = new TemporaryDirectory();
        using (var writer = KnowledgeIndex.Open(directory.Path, new HashingEmbedder(), new KnowledgeIndexOptions { CompactAfterRecords = 50 }))
        {
            documents.ForEach(document => writer.Upsert(document));

            // ACL changes and removals must survive the reopen too.
            for (var i = 0; i < 20; i++)
            {
                var changed = documents[i] with { Acl = [s_principals[random.Next(s_principals.Length)]] };
                writer.Upsert(changed);
                acls[changed.Id] = changed.Acl;
            }

            for (var i = 20; i < 30; i++)
            {
                writer.Remove(documents[i].Id);
                acls.Remove(documents[i].Id);
            }
        }

        using var index = KnowledgeIndex.Open(directory.Path, new HashingEmbedder());
        Assert.Equal(acls.Count, index.DocumentCount);
        var served = 0;
        for (var i = 0; i < 1_000; i++)
        {
            var caller = RandomCaller(random);
            var query = RandomQuery(random);

            foreach (var passage in index.Search(query, caller, top: 8))
            {
                Assert.True(acls.TryGetValue(passage.DocumentId, out var acl), $"removed document '{passage.DocumentId}' was served");
                Assert.True(caller.CanRead(acl), $"'{passage.DocumentId}' leaked to [{string.Join(", ", caller)}] for '{query}'");
                served++;
            }
        }

        Assert.True(served > 1_000, $"only {served} passages served");
        Assert.Equal(0, index.DroppedTotal);
    }

    [Fact]
    public void Search_RanksExactlyAsAnIndexHoldingOnlyTheCallersDocuments()
    {
        var random = new Random(7_331);
        var documents = GenerateCorpus(random, count: 40);
        var index = Corpus.Index([.. documents]);

        for (var i = 0; i < 60; i++)
        {
            var caller = RandomCaller(random);
            var query = RandomQuery(random);
            var reference = Corpus.Index([.. documents.Where(d => caller.CanRead(d.Acl))]);

            Assert.Equal(reference.Search(query, caller, top: 6), index.Search(query, caller, top: 6));
        }
    }

    private static List<AclDocument> GenerateCorpus(Random random, int count)
    {
        var documents = new List<AclDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var sentences = Enumerable.Range(0, random.Next(2, 6))
                .Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(4, 10)).Select(_ => s_vocabulary[random.Next(s_vocabulary.Length)])) + ".");
            var acl = s_principals.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
            documents.Add(Corpus.Document($"doc-{i:D3}", $"Document {i}", string.Join(' ', sentences), acl));
        }

        return documents;
    }

    private static PrincipalSet RandomCaller(Random random) =>
        PrincipalSet.From(s_principals.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).Append($"user:caller-{random.Next(100)}"));

    private static string RandomQuery(Random random) =>
        string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => s_vocabulary[random.Next(s_vocabulary.Length)]));
}
