namespace GoldenPath.Retrieval;

/// <summary>One forward-only schema step; applied at most once per schema, recorded in <c>goldenpath_schema_version</c>.</summary>
internal sealed record PostgresMigration(int Version, string Description, Func<PostgresSchemaNames, IReadOnlyList<string>> Statements);
