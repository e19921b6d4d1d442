namespace GoldenPath.Retrieval;

/// <summary>The schema history, oldest first. Never edit a released step: add a new one.</summary>
internal static class PostgresMigrations
{
    /// <summary>
    /// Row visibility for every role without its own policy: a row is visible only when its ACL shares a principal with
    /// the transaction's <c>app.principals</c>. Unset (NULL) or reset (empty) means no principals, so nothing is visible.
    /// The setting carries a PostgreSQL array literal rather than a comma list because principal names may contain commas.
    /// </summary>
    internal const string VisibleToCaller = "acl && NULLIF(current_setting('app.principals', true), '')::text[]";

    internal static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "documents and chunks with ACL, HNSW and keyword indexes", Tables),
        new(2, "non-owner reader role and forced row-level security", RowLevelSecurity),
        new(ShinglesVersion, "eight-word window hashes for the restricted-content probe", Shingles),
    ];

    /// <summary>The step that adds <c>chunk_shingles</c>; a schema that had documents before it is backfilled from their chunks.</summary>
    internal const int ShinglesVersion = 3;

    private static IReadOnlyList<string> Tables(PostgresSchemaNames names) =>
    [
        "CREATE EXTENSION IF NOT EXISTS vector",
        $"""
        CREATE TABLE {names.Documents} (
            id text PRIMARY KEY,
            title text NOT NULL,
            source text NOT NULL,
            content_hash text NOT NULL,
            version bigint NOT NULL DEFAULT 1,
            classification text NOT NULL,
            acl text[] NOT NULL CHECK (cardinality(acl) > 0),
            updated_at timestamptz NOT NULL DEFAULT now())
        """,
        $"""
        CREATE TABLE {names.Chunks} (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id text NOT NULL REFERENCES {names.Documents} (id) ON DELETE CASCADE,
            ordinal integer NOT NULL,
            text text NOT NULL,
            acl text[] NOT NULL CHECK (cardinality(acl) > 0),
            embedding vector({names.Dimensions}) NOT NULL,
            search tsvector NOT NULL,
            UNIQUE (document_id, ordinal))
        """,
        $"CREATE INDEX documents_acl_idx ON {names.Documents} USING gin (acl)",
        $"CREATE INDEX chunks_acl_idx ON {names.Chunks} USING gin (acl)",
        $"CREATE INDEX chunks_search_idx ON {names.Chunks} USING gin (search)",
        $"CREATE INDEX chunks_embedding_idx ON {names.Chunks} USING hnsw (embedding vector_cosine_ops)",
    ];

    private static IReadOnlyList<string> RowLevelSecurity(PostgresSchemaNames names) =>
    [
        // Roles are cluster-wide and CREATE ROLE has no IF NOT EXISTS; a second schema reuses the role.
        $"""
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{names.ReaderRoleName}') THEN
                CREATE ROLE {names.ReaderRole} NOLOGIN;
            END IF;
            -- A non-superuser owner needs membership to SET ROLE; superusers may switch to any role.
            IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
               AND NOT pg_has_role(current_user, '{names.ReaderRoleName}', 'MEMBER') THEN
                GRANT {names.ReaderRole} TO CURRENT_USER;
            END IF;
        END
        $$
        """,
        $"GRANT USAGE ON SCHEMA {names.Schema} TO {names.ReaderRole}",
        $"GRANT SELECT ON {names.Documents}, {names.Chunks} TO {names.ReaderRole}",
        .. Secure(names.Documents),
        .. Secure(names.Chunks),
    ];

    /// <summary>
    /// Only hashes and document ids, no text. The reader role gets no grant and no policy: a caller's session cannot read
    /// which documents hold which windows, not even its own; only the owner-side probe query does, and it returns ids.
    /// </summary>
    private static IReadOnlyList<string> Shingles(PostgresSchemaNames names) =>
    [
        $"""
        CREATE TABLE {names.Shingles} (
            hash bigint NOT NULL,
            document_id text NOT NULL REFERENCES {names.Documents} (id) ON DELETE CASCADE,
            PRIMARY KEY (hash, document_id))
        """,
        $"CREATE INDEX chunk_shingles_document_idx ON {names.Shingles} (document_id)",
        $"ALTER TABLE {names.Shingles} ENABLE ROW LEVEL SECURITY",
        $"ALTER TABLE {names.Shingles} FORCE ROW LEVEL SECURITY",
        $"CREATE POLICY owner_writes ON {names.Shingles} FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true)",
    ];

    // FORCE makes the owner subject to policies too; it gets an explicit write policy so ingestion keeps working, and
    // every other role, the reader included, sees only rows its principals match.
    private static IEnumerable<string> Secure(string table) =>
    [
        $"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        $"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        $"CREATE POLICY visible_to_caller ON {table} FOR SELECT USING ({VisibleToCaller})",
        $"CREATE POLICY owner_writes ON {table} FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true)",
    ];
}
