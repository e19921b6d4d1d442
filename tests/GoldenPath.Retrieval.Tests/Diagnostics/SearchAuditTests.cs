using System.Security.Cryptography;
using System.Text;
using GoldenPath.Retrieval.Tests.Indexing;
using Microsoft.Extensions.Logging;

namespace GoldenPath.Retrieval.Tests.Diagnostics;

public sealed class SearchAuditTests
{
    [Fact]
    public void Search_LogsAnAuditEventWithHashesDocumentIdsAndTimeButNeverTheQueryText()
    {
        var logger = new RecordingLogger<KnowledgeIndex>();
        var now = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        using var index = new KnowledgeIndex(new HashingEmbedder(), new KnowledgeIndexOptions { Logger = logger, TimeProvider = new FixedTimeProvider(now) });
        index.Upsert(Corpus.Payroll());
        index.Upsert(Corpus.Salaries());
        const string query = "when do salary payments arrive";

        index.Search(query, Corpus.Employee);
        index.Search(query, Corpus.Employee);

        var audits = logger.Entries.Where(e => e.EventId.Id == 2).ToList();
        Assert.Equal(2, audits.Count);
        Assert.All(audits, audit =>
        {
            Assert.Equal(LogLevel.Information, audit.Level);
            Assert.Equal("RetrievalSearchAudit", audit.EventId.Name);
            Assert.Contains(Corpus.Employee.Hash, audit.Message, StringComparison.Ordinal);
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query))), audit.Message, StringComparison.Ordinal);
            Assert.Contains("[payroll-calendar]", audit.Message, StringComparison.Ordinal);
            Assert.Contains("2026-03-04T05:06:07", audit.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("salary", audit.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("group:employees", audit.Message, StringComparison.Ordinal);
        });
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
