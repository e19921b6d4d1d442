using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace GoldenPath.Retrieval;

/// <summary>
/// The span and audit event of one search, shared by every store so each records who saw what the same way:
/// hashes of the caller and the query, the documents served, and any results the ACL re-check removed.
/// </summary>
internal sealed class SearchRecord : IDisposable
{
    private readonly Activity? _activity;
    private readonly PrincipalSet _principals;

    private SearchRecord(string query, PrincipalSet principals)
    {
        _principals = principals;
        QueryHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        _activity = RetrievalTelemetry.ActivitySource.StartActivity(RetrievalTelemetry.SearchActivityName);
        _activity?.SetTag(RetrievalTelemetry.PrincipalsHashTag, principals.Hash);
        _activity?.SetTag(RetrievalTelemetry.QueryHashTag, QueryHash);
    }

    public string QueryHash { get; }

    public static SearchRecord Start(string query, PrincipalSet principals) => new(query, principals);

    public void Complete(ILogger logger, IReadOnlyList<RetrievedPassage> results, int dropped, DateTimeOffset at)
    {
        if (dropped > 0)
        {
            RetrievalTelemetry.Dropped.Add(dropped);
        }

        var documentIds = string.Join(',', results.Select(r => r.DocumentId).Distinct(StringComparer.Ordinal));
        Log.SearchAudit(logger, _principals.Hash, QueryHash, at, documentIds);
        _activity?.SetTag(RetrievalTelemetry.ResultCountTag, results.Count);
        _activity?.SetTag(RetrievalTelemetry.DocumentIdsTag, documentIds);
        _activity?.SetTag(RetrievalTelemetry.DroppedTag, dropped);
    }

    public void Dispose() => _activity?.Dispose();
}
