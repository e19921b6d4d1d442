namespace GoldenPath.Retrieval.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PglitePostgresStoreTests(PgliteServer server) : PostgresStoreContract(server);
