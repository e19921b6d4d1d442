namespace GoldenPath.Retrieval.Tests.Postgres;

/// <summary>A PostgreSQL engine with pgvector for the store tests, or the reason there is none here.</summary>
public interface IPostgresServer
{
    /// <summary>Why tests against this engine cannot run on this machine; null when they can.</summary>
    string? SkipReason { get; }

    string ConnectionString { get; }
}
