using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GoldenPath.Retrieval;

/// <summary>
/// Names of the retrieval <see cref="ActivitySource"/>, <see cref="Meter"/> and span tags. Tags carry hashes, never
/// raw principals or query text, so traces can be shared without leaking who asked what.
/// </summary>
public static class RetrievalTelemetry
{
    public const string SourceName = "GoldenPath.Retrieval";

    public const string SearchActivityName = "retrieval.search";

    public const string PrincipalsHashTag = "goldenpath.retrieval.principals_hash";

    public const string QueryHashTag = "goldenpath.retrieval.query_hash";

    public const string ResultCountTag = "goldenpath.retrieval.result_count";

    public const string DocumentIdsTag = "goldenpath.retrieval.document_ids";

    /// <summary>Results removed by the post-ranking ACL re-check; anything above zero is a security event.</summary>
    public const string DroppedTag = "goldenpath.retrieval.dropped";

    /// <summary>Counter of results removed by the post-ranking ACL re-check.</summary>
    public const string DroppedCounterName = "goldenpath.retrieval.acl_drops";

    internal static readonly ActivitySource ActivitySource = new(SourceName);

    internal static readonly Meter Meter = new(SourceName);

    internal static readonly Counter<long> Dropped = Meter.CreateCounter<long>(
        DroppedCounterName, unit: "{result}", description: "Search results dropped because the caller's principals did not match the chunk's ACL after ranking.");
}
