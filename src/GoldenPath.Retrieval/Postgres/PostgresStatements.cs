namespace GoldenPath.Retrieval;

/// <summary>The store's statements for one schema, built once. Values always travel as parameters.</summary>
internal sealed class PostgresStatements(PostgresSchemaNames names)
{
    internal string UpsertDocument { get; } = $"""
        INSERT INTO {names.Documents} AS d (id, title, source, content_hash, classification, acl)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (id) DO UPDATE SET
            title = EXCLUDED.title,
            source = EXCLUDED.source,
            content_hash = EXCLUDED.content_hash,
            classification = EXCLUDED.classification,
            acl = EXCLUDED.acl,
            version = d.version + 1,
            updated_at = now()
        """;

    internal string DeleteChunks { get; } = $"DELETE FROM {names.Chunks} WHERE document_id = $1";

    /// <summary>Each chunk carries a copy of the document ACL so the ACL filter and the vector scan read one table.</summary>
    internal string InsertChunks { get; } = $"""
        INSERT INTO {names.Chunks} (document_id, acl, ordinal, text, embedding, search)
        SELECT $1, $2, u.ordinal, u.text, u.embedding, to_tsvector('simple', u.keywords)
        FROM unnest($3::integer[], $4::text[], $5::vector[], $6::text[]) AS u(ordinal, text, embedding, keywords)
        """;

    internal string DeleteShingles { get; } = $"DELETE FROM {names.Shingles} WHERE document_id = $1";

    /// <summary>Parameters: $1 document id, $2 its distinct window hashes.</summary>
    internal string InsertShingles { get; } = $"""
        INSERT INTO {names.Shingles} (hash, document_id)
        SELECT u.hash, $1 FROM unnest($2::bigint[]) AS u(hash)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// Parameters: $1 the answer's window hashes, $2 the caller's principals. Returns (hash, document id) for every
    /// window no document readable by the caller holds; such a window's holders are all restricted.
    /// </summary>
    internal string RestrictedShingles { get; } = $"""
        SELECT s.hash, s.document_id
        FROM {names.Shingles} AS s
        WHERE s.hash = ANY($1)
          AND NOT EXISTS (
              SELECT 1
              FROM {names.Shingles} AS r
              JOIN {names.Documents} AS d ON d.id = r.document_id
              WHERE r.hash = s.hash AND d.acl && $2)
        """;

    internal string AllChunkTexts { get; } = $"SELECT document_id, text FROM {names.Chunks} ORDER BY document_id, ordinal";

    internal string DeleteDocument { get; } = $"DELETE FROM {names.Documents} WHERE id = $1";

    internal string DocumentAcl { get; } = $"SELECT acl FROM {names.Documents} WHERE id = $1 AND acl && $2";

    /// <summary>
    /// Relaxed-order iterative scans may return neighbours slightly out of order, so the materialized hits are re-sorted
    /// by their exact distance.
    /// </summary>
    internal string Nearest { get; } = $"""
        WITH hits AS MATERIALIZED (
            SELECT document_id, ordinal, embedding <=> $1 AS distance
            FROM {names.Chunks}
            WHERE acl && $2
            ORDER BY embedding <=> $1
            LIMIT $3)
        SELECT document_id, ordinal FROM hits ORDER BY distance, document_id, ordinal
        """;

    /// <summary>
    /// Parameters: $1 query embedding, $2 principals, $3 candidates per leg, $4 keyword tsquery text (NULL for none),
    /// $5 minimum cosine for a chunk without keyword overlap. Rows come best first; the caller stops at top.
    /// </summary>
    internal string Search { get; } = $"""
        WITH vector_hits AS MATERIALIZED (
            SELECT id, embedding <=> $1 AS distance
            FROM {names.Chunks}
            WHERE acl && $2
            ORDER BY embedding <=> $1
            LIMIT $3),
        vector_ranked AS (
            SELECT id, 1 - distance AS cosine, row_number() OVER (ORDER BY distance, id) AS rank
            FROM vector_hits),
        keyword_hits AS (
            SELECT c.id, ts_rank(c.search, q.query, 1) AS score
            FROM {names.Chunks} AS c, (SELECT to_tsquery('simple', $4) AS query WHERE $4 IS NOT NULL) AS q
            WHERE c.acl && $2 AND c.search @@ q.query
            ORDER BY score DESC, c.id
            LIMIT $3),
        keyword_ranked AS (
            SELECT id, row_number() OVER (ORDER BY score DESC, id) AS rank
            FROM keyword_hits),
        fused AS (
            SELECT coalesce(v.id, k.id) AS id,
                   coalesce(1.0 / ({HybridRanker.FusionK} + v.rank), 0) + coalesce(1.0 / ({HybridRanker.FusionK} + k.rank), 0) AS score
            FROM vector_ranked AS v FULL JOIN keyword_ranked AS k ON k.id = v.id
            WHERE k.id IS NOT NULL OR v.cosine >= $5)
        SELECT c.document_id, coalesce(d.title, ''), c.text, c.acl, d.acl, f.score::float8
        FROM fused AS f
        JOIN {names.Chunks} AS c ON c.id = f.id
        LEFT JOIN {names.Documents} AS d ON d.id = c.document_id
        ORDER BY f.score DESC, c.document_id, c.ordinal
        """;
}
