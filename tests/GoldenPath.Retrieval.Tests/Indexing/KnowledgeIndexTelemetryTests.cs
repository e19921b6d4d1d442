using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using GoldenPath.Retrieval.Tests.Diagnostics;
using Microsoft.Extensions.Logging;

namespace GoldenPath.Retrieval.Tests.Indexing;

public sealed class KnowledgeIndexTelemetryTests
{
    [Fact]
    public void Search_TagsTheSpanWithHashesCountAndServedIds()
    {
        using var recorder = new SearchActivityRecorder();
        var caller = PrincipalSet.From(["group:employees", $"user:{Guid.NewGuid():N}"]);
        var index = Corpus.Index(Corpus.Payroll(), Corpus.Vpn(), Corpus.Salaries());
        const string query = "When do salary payments arrive?";

        var results = index.Search(query, caller);

        var activity = recorder.Single(caller);
        Assert.Equal(RetrievalTelemetry.SearchActivityName, activity.OperationName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query))), activity.GetTagItem(RetrievalTelemetry.QueryHashTag));
        Assert.Equal(results.Count, activity.GetTagItem(RetrievalTelemetry.ResultCountTag));
        Assert.Equal(string.Join(',', results.Select(r => r.DocumentId).Distinct()), activity.GetTagItem(RetrievalTelemetry.DocumentIdsTag));
        Assert.Equal(0, activity.GetTagItem(RetrievalTelemetry.DroppedTag));
        Assert.Contains("payroll-calendar", (string)activity.GetTagItem(RetrievalTelemetry.DocumentIdsTag)!, StringComparison.Ordinal);
        Assert.DoesNotContain(activity.TagObjects, tag => tag.Value is string value && (value.Contains("salary", StringComparison.OrdinalIgnoreCase) || value.Contains("user:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Search_DropsAndReportsAResultWhoseAclNoLongerMatchesAfterRanking()
    {
        using var recorder = new SearchActivityRecorder();
        long counted = 0;
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RetrievalTelemetry.SourceName && instrument.Name == RetrievalTelemetry.DroppedCounterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        meterListener.Start();

        var logger = new RecordingLogger<KnowledgeIndex>();
        var index = new KnowledgeIndex(new HashingEmbedder(), logger);
        index.Upsert(Corpus.Payroll());
        index.Upsert(Corpus.Vpn());
        var caller = PrincipalSet.From(["group:employees", $"user:{Guid.NewGuid():N}"]);
        Assert.Contains(index.Search("salary payments", caller), r => r.DocumentId == "payroll-calendar");

        index.CorruptAclForTesting("payroll-calendar", ["group:finance"]);
        var secondCaller = PrincipalSet.From(["group:employees", $"user:{Guid.NewGuid():N}"]);
        var results = index.Search("salary payments", secondCaller);

        Assert.DoesNotContain(results, r => r.DocumentId == "payroll-calendar");
        Assert.Equal(1, recorder.Single(secondCaller).GetTagItem(RetrievalTelemetry.DroppedTag));
        Assert.Equal(0, recorder.Single(caller).GetTagItem(RetrievalTelemetry.DroppedTag));
        Assert.Equal(1, Interlocked.Read(ref counted));
        Assert.Equal(1, index.DroppedTotal);
        var entry = Assert.Single(logger.Entries, e => e.Level != LogLevel.Information);
        Assert.Equal(LogLevel.Critical, entry.Level);
        Assert.Contains("payroll-calendar", entry.Message, StringComparison.Ordinal);
        Assert.Contains(secondCaller.Hash, entry.Message, StringComparison.Ordinal);
    }
}
