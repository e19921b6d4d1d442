using GoldenPath.Retrieval.Tests.Postgres;

namespace GoldenPath.Retrieval.Tests.Leakage;

[Collection(PostgresCollection.Name)]
public sealed class PgliteRestrictedTextTests(PgliteServer server) : PostgresRestrictedTextContract(server);
