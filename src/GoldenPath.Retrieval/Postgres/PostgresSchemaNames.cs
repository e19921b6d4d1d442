namespace GoldenPath.Retrieval;

/// <summary>Validated, quoted names of the objects one store uses; the only values spliced into its SQL.</summary>
internal sealed class PostgresSchemaNames(PostgresStoreOptions options)
{
    internal string SchemaName { get; } = PostgresIdentifier.Validate(options.Schema, nameof(PostgresStoreOptions.Schema));

    internal string ReaderRoleName { get; } = PostgresIdentifier.Validate(options.ReaderRole, nameof(PostgresStoreOptions.ReaderRole));

    internal int Dimensions { get; } = options.Dimensions is > 0 and <= 2000
        ? options.Dimensions
        : throw new ArgumentOutOfRangeException(nameof(options), options.Dimensions, "PostgresStoreOptions.Dimensions must be between 1 and 2000, the largest vector an HNSW index accepts.");

    internal string Schema => $"\"{SchemaName}\"";

    internal string ReaderRole => $"\"{ReaderRoleName}\"";

    internal string Documents => $"{Schema}.documents";

    internal string Chunks => $"{Schema}.chunks";

    internal string Shingles => $"{Schema}.chunk_shingles";

    internal string Versions => $"{Schema}.goldenpath_schema_version";
}
