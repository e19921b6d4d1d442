using GoldenPath.Retrieval.Tests.Postgres;

namespace GoldenPath.Retrieval.Tests.Leakage;

public sealed class ContainerRestrictedTextTests(PostgresContainerServer server) : PostgresRestrictedTextContract(server), IClassFixture<PostgresContainerServer>;
