namespace GoldenPath.AspNetCore.Retrieval;

public enum KnowledgeStoreKind
{
    /// <summary>In-process index, in memory or persisted to <see cref="RetrievalOptions.StoreDirectory"/>.</summary>
    Embedded,

    /// <summary>PostgreSQL with pgvector and row-level security, at the connection string named by <see cref="RetrievalOptions.ConnectionStringName"/>.</summary>
    Postgres,
}
