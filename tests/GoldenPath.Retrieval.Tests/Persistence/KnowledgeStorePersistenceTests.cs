using GoldenPath.Retrieval.Tests.Indexing;

namespace GoldenPath.Retrieval.Tests.Persistence;

public sealed class KnowledgeStorePersistenceTests
{
    private static readonly HashingEmbedder s_embedder = new();

    [Fact]
    public void Open_RestoresEveryCommittedChangeAfterReopening()
    {
        using var directory = new TemporaryDirectory();
        using (var store = KnowledgeIndex.Open(directory.Path, s_embedder))
        {
            store.Upsert(Corpus.Salaries());
            store.Upsert(Corpus.Payroll());
            store.Upsert(Corpus.Vpn());
            Assert.True(store.Remove("vpn-guide"));
            store.Upsert(Corpus.Salaries("group:finance"));
        }

        using var reopened = KnowledgeIndex.Open(directory.Path, s_embedder);
        var reference = Corpus.Index(Corpus.Salaries("group:finance"), Corpus.Payroll());

        Assert.Equal(2, reopened.DocumentCount);
        Assert.Empty(reopened.RecoveryWarnings);
        Assert.False(reopened.CanRead(Corpus.HrPartner, "salary-bands"));
        Assert.True(reopened.CanRead(PrincipalSet.From(["group:finance"]), "salary-bands"));
        Assert.False(reopened.CanRead(Corpus.Employee, "vpn-guide"));
        var finance = PrincipalSet.From(["group:finance", "group:employees"]);
        Assert.Equal(reference.Search("salary band payments", finance), reopened.Search("salary band payments", finance));
    }

    [Fact]
    public void Open_RestoresStateFromSnapshotsAfterCompaction()
    {
        using var directory = new TemporaryDirectory();
        var options = new KnowledgeIndexOptions { CompactAfterRecords = 2 };
        using (var store = KnowledgeIndex.Open(directory.Path, s_embedder, options))
        {
            for (var i = 0; i < 7; i++)
            {
                store.Upsert(Corpus.Document($"doc-{i}", $"Document {i}", $"Topic number {i} covers badge printers.", ["group:employees"]));
            }
        }

        Assert.NotEmpty(Directory.GetFiles(directory.Path, "snapshot-*.gpks"));
        // Only the current generation and one fallback generation are kept.
        Assert.InRange(Directory.GetFiles(directory.Path, "snapshot-*.gpks").Length, 1, 2);

        using var reopened = KnowledgeIndex.Open(directory.Path, s_embedder);
        Assert.Equal(7, reopened.DocumentCount);
        Assert.Contains(reopened.Search("topic number 6", Corpus.Employee), p => p.DocumentId == "doc-6");
    }

    [Fact]
    public void Open_IgnoresAndReportsATornLastRecordAndKeepsEverythingBeforeIt()
    {
        using var directory = new TemporaryDirectory();
        using (var store = KnowledgeIndex.Open(directory.Path, s_embedder))
        {
            store.Upsert(Corpus.Payroll());
            store.Upsert(Corpus.Vpn());
        }

        var journal = Assert.Single(Directory.GetFiles(directory.Path, "journal-*.gpkj"));
        using (var stream = new FileStream(journal, FileMode.Open))
        {
            stream.SetLength(stream.Length - 17);
        }

        using (var recovered = KnowledgeIndex.Open(directory.Path, s_embedder))
        {
            Assert.True(recovered.CanRead(Corpus.Employee, "payroll-calendar"));
            Assert.False(recovered.CanRead(Corpus.Employee, "vpn-guide"));
            var warning = Assert.Single(recovered.RecoveryWarnings);
            Assert.Contains(journal, warning, StringComparison.Ordinal);
            Assert.Contains("interrupted write", warning, StringComparison.Ordinal);

            recovered.Upsert(Corpus.Salaries());
        }

        // The torn tail was cut off, so the record appended after it is readable and nothing is reported again.
        using var reopened = KnowledgeIndex.Open(directory.Path, s_embedder);
        Assert.Empty(reopened.RecoveryWarnings);
        Assert.Equal(2, reopened.DocumentCount);
        Assert.True(reopened.CanRead(Corpus.HrPartner, "salary-bands"));
    }

    [Fact]
    public void Open_TreatsAFlippedByteInTheLastRecordAsAnInterruptedWrite()
    {
        using var directory = new TemporaryDirectory();
        using (var store = KnowledgeIndex.Open(directory.Path, s_embedder))
        {
            store.Upsert(Corpus.Payroll());
            store.Upsert(Corpus.Vpn());
        }

        var journal = Assert.Single(Directory.GetFiles(directory.Path, "journal-*.gpkj"));
        FlipByte(journal, new FileInfo(journal).Length - 40);

        using var recovered = KnowledgeIndex.Open(directory.Path, s_embedder);
        Assert.Equal(1, recovered.DocumentCount);
        Assert.Single(recovered.RecoveryWarnings);
    }

    [Fact]
    public void Open_RefusesAJournalDamagedBeforeIntactRecords()
    {
        using var directory = new TemporaryDirectory();
        using (var store = KnowledgeIndex.Open(directory.Path, s_embedder))
        {
            store.Upsert(Corpus.Payroll());
            store.Upsert(Corpus.Vpn());
            store.Upsert(Corpus.Salaries());
        }

        var journal = Assert.Single(Directory.GetFiles(directory.Path, "journal-*.gpkj"));
        // 56 header bytes, then the first record's magic and length; byte 100 is inside its payload.
        FlipByte(journal, 100);

        var error = Assert.Throws<KnowledgeStoreException>(() => KnowledgeIndex.Open(directory.Path, s_embedder));
        Assert.Equal(journal, error.FilePath);
        Assert.Contains(journal, error.Message, StringComparison.Ordinal);
        Assert.Contains("intact records follow", error.Message, StringComparison.Ordinal);
        Assert.Contains("Restore the store directory from a backup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FallsBackToThePreviousSnapshotWhenTheNewestIsDamaged()
    {
        using var directory = new TemporaryDirectory();
        using (var store = KnowledgeIndex.Open(directory.Path, s_embedder))
        {
            store.Upsert(Corpus.Payroll());
            store.Compact();
            store.Upsert(Corpus.Vpn());
            store.Compact();
            store.Upsert(Corpus.Salaries());
            Assert.True(store.Remove("payroll-calendar"));
        }

        var newest = Directory.GetFiles(directory.Path, "snapshot-*.gpks").Order(StringComparer.Ordinal).Last();
        FlipByte(newest, new FileInfo(newest).Length / 2);

        using var recovered = KnowledgeIndex.Open(directory.Path, s_embedder);
        Assert.Equal(2, recovered.DocumentCount);
        Assert.True(recovered.CanRead(Corpus.Employee, "vpn-guide"));
        Assert.True(recovered.CanRead(Corpus.HrPartner, "salary-bands"));
        Assert.False(recovered.CanRead(Corpus.Employee, "payroll-calendar"));
        Assert.Contains(newest, Assert.Single(recovered.RecoveryWarnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WithAnotherEmbeddingSizeNamesBothSizesAndTheFix()
    {
        using var directory = new TemporaryDirectory();
        using (var store = KnowledgeIndex.Open(directory.Path, new HashingEmbedder(384)))
        {
            store.Upsert(Corpus.Payroll());
        }

        var error = Assert.Throws<KnowledgeStoreException>(() => KnowledgeIndex.Open(directory.Path, new HashingEmbedder(256)));

        Assert.Contains($"The store at '{directory.Path}' was built with 384 dimensions; the embedder produces 256", error.Message, StringComparison.Ordinal);
        Assert.Contains("Re-ingest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_RunsConcurrentlyWithPersistedWritesAndNeverSeesAnUnreadableDocument()
    {
        using var directory = new TemporaryDirectory();
        using var store = KnowledgeIndex.Open(directory.Path, s_embedder, new KnowledgeIndexOptions { CompactAfterRecords = 16 });
        store.Upsert(Corpus.Payroll());
        using var done = new CancellationTokenSource();
        var token = TestContext.Current.CancellationToken;
        var started = 0;

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var searches = 0;
            Interlocked.Increment(ref started);
            while (!done.IsCancellationRequested || searches < 20)
            {
                foreach (var passage in store.Search("salary payments bands", Corpus.Employee, top: 10))
                {
                    Assert.DoesNotContain("secret", passage.DocumentId, StringComparison.Ordinal);
                }

                searches++;
            }

            return searches;
        }, token)).ToArray();

        SpinWait.SpinUntil(() => Volatile.Read(ref started) == readers.Length, TimeSpan.FromSeconds(10));
        for (var i = 0; i < 40; i++)
        {
            store.Upsert(Corpus.Document($"secret-{i}", "Salary bands", $"Salary band {i} payments are confidential.", ["group:hr"]));
            store.Upsert(Corpus.Document($"open-{i}", "Payments", $"Salary payments batch {i} is public.", ["group:employees"]));
        }

        await done.CancelAsync();
        var counts = await Task.WhenAll(readers);

        Assert.All(counts, count => Assert.True(count >= 20));
        Assert.Equal(81, store.DocumentCount);
        store.Dispose();
        using var reopened = KnowledgeIndex.Open(directory.Path, s_embedder);
        Assert.Equal(81, reopened.DocumentCount);
    }

    [Fact]
    public void Open_RefusesAStoreThatIsAlreadyOpenUntilItIsDisposed()
    {
        using var directory = new TemporaryDirectory();
        var first = KnowledgeIndex.Open(directory.Path, s_embedder);

        var error = Assert.Throws<KnowledgeStoreException>(() => KnowledgeIndex.Open(directory.Path, s_embedder));
        Assert.Contains("already open", error.Message, StringComparison.Ordinal);

        first.Dispose();
        using var second = KnowledgeIndex.Open(directory.Path, s_embedder);
        Assert.Empty(second.RecoveryWarnings);
    }

    private static void FlipByte(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var value = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(value ^ 0x5A));
    }
}
