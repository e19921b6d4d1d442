namespace GoldenPath.Retrieval.Tests.Postgres;

/// <summary>
/// Every PGlite-backed class shares one server and runs serially: PGlite is a single backend, so concurrent
/// transactions from parallel classes would interleave on it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PgliteServer>
{
    public const string Name = "postgres";
}
