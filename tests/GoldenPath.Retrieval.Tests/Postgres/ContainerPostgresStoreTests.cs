namespace GoldenPath.Retrieval.Tests.Postgres;

public sealed class ContainerPostgresStoreTests(PostgresContainerServer server) : PostgresStoreContract(server), IClassFixture<PostgresContainerServer>;
