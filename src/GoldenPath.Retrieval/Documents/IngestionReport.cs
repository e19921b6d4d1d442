namespace GoldenPath.Retrieval;

/// <summary>What a directory ingestion accepted and what it refused.</summary>
public sealed record IngestionReport(IReadOnlyList<AclDocument> Accepted, IReadOnlyList<RejectedDocument> Rejected);
