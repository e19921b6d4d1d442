using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldenPath.Retrieval;

/// <summary>
/// An access-controlled index, in memory or persisted to a directory (<see cref="Open"/>). Each principal owns a bitmap
/// of the chunk slots it may read; a search ORs the caller's bitmaps once and scores only those chunks, so a caller
/// never ranks a document they cannot read.
/// </summary>
/// <remarks>
/// Searches run concurrently under a read lock. Writes are serialized; a persisted write is flushed to the journal
/// before it takes the write lock, so an acknowledged change survives a crash and readers never wait on the disk. An
/// ACL change is visible to the very next search. Every result is re-checked against its ACL after ranking; a mismatch
/// would mean the bitmaps are wrong, so it is dropped and reported as a security event.
/// <para>
/// Any <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> can embed; the asynchronous methods
/// (<see cref="UpsertAsync"/>, <see cref="IngestAsync"/>, <see cref="SearchAsync"/>) call it with one batch per document.
/// The synchronous <see cref="Upsert"/>, <see cref="Ingest"/> and <see cref="Search"/> are a fast path for
/// <see cref="HashingEmbedder"/> (alone or under middleware), which embeds without I/O; with any other generator they throw
/// <see cref="InvalidOperationException"/>. Every vector is checked against <see cref="Dimensions"/> and L2-normalized.
/// </para>
/// </remarks>
public sealed class KnowledgeIndex : IKnowledgeStore, IRestrictedTextFinder, IDisposable
{
    private readonly StoreEmbedder _embedder;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _writeGate = new();
    private readonly EmbeddedVectorIndex _vectors;
    private readonly List<IndexedChunk?> _chunks = [];
    private readonly Dictionary<string, (AclDocument Document, int[] Slots)> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _slotsByEmbeddingKey = new(StringComparer.Ordinal);
    private readonly ShingleIndex _shingles = new();
    private readonly SearchCache _cache;
    private readonly ILogger _logger;
    private readonly IChunkScreen? _screen;
    private readonly TimeProvider _timeProvider;
    private readonly int _compactAfterRecords;
    private StoreDirectory? _store;
    private IReadOnlyList<string> _recoveryWarnings = [];
    private long _droppedTotal;
    private long _cacheHits;
    private bool _disposed;

    public KnowledgeIndex(IEmbeddingGenerator<string, Embedding<float>> embedder)
        : this(embedder, new KnowledgeIndexOptions())
    {
    }

    public KnowledgeIndex(IEmbeddingGenerator<string, Embedding<float>> embedder, ILogger<KnowledgeIndex> logger)
        : this(embedder, new KnowledgeIndexOptions { Logger = logger ?? throw new ArgumentNullException(nameof(logger)) })
    {
    }

    /// <summary>Creates an in-memory index that embeds with <paramref name="embedder"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// <see cref="KnowledgeIndexOptions.Dimensions"/> disagrees with the dimensions the generator declares, or neither is known.
    /// </exception>
    public KnowledgeIndex(IEmbeddingGenerator<string, Embedding<float>> embedder, KnowledgeIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CacheCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CompactAfterRecords, 1);
        _embedder = StoreEmbedder.Create(embedder, options.Dimensions, "knowledge index", "KnowledgeIndexOptions.Dimensions");
        _vectors = new EmbeddedVectorIndex(_embedder.Dimensions);
        _cache = new SearchCache(options.CacheCapacity);
        _logger = options.Logger ?? NullLogger.Instance;
        _screen = options.ChunkScreen;
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        _compactAfterRecords = options.CompactAfterRecords;
    }

    /// <summary>
    /// Opens the store persisted in <paramref name="directory"/> (creating it when empty) and persists every later
    /// <see cref="Upsert"/> and <see cref="Remove"/> there before it returns.
    /// </summary>
    /// <remarks>
    /// What was recovered on open (an interrupted last write, a damaged snapshot replaced by its predecessor) is listed
    /// in <see cref="RecoveryWarnings"/> and logged; committed changes are never dropped silently.
    /// </remarks>
    /// <exception cref="KnowledgeStoreException">
    /// The store was built with other embedding dimensions, is damaged beyond what can be recovered without losing a
    /// committed change, or is open for writing in another process. The message names the file and the fix.
    /// </exception>
    public static KnowledgeIndex Open(string directory, IEmbeddingGenerator<string, Embedding<float>> embedder, KnowledgeIndexOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var index = new KnowledgeIndex(embedder, options ?? new KnowledgeIndexOptions());
        var warnings = new List<string>();
        var store = StoreDirectory.Open(directory, index.Dimensions, out var state, warnings);
        foreach (var document in state.Values)
        {
            index.ApplyCore(document);
        }

        index._store = store;
        index._recoveryWarnings = warnings.AsReadOnly();
        foreach (var warning in warnings)
        {
            Log.StoreRecovered(index._logger, warning);
        }

        return index;
    }

    public int Dimensions => _embedder.Dimensions;

    /// <summary>The directory this index persists to; <see langword="null"/> when it lives in memory only.</summary>
    public string? StorePath => _store?.Path;

    /// <summary>What <see cref="Open"/> had to recover from; empty after a clean shutdown.</summary>
    public IReadOnlyList<string> RecoveryWarnings => _recoveryWarnings;

    public int DocumentCount
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _documents.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="document"/>, or replaces every chunk of the document with the same id. Chunks are screened
    /// first: quarantined ones are left out and reported, flagged ones are indexed and served with their flag.
    /// </summary>
    /// <returns>What happened; <see cref="IngestionOutcome.Unchanged"/> when the stored version is identical, in which case nothing is written.</returns>
    /// <exception cref="ArgumentException">The id is invalid or the ACL is empty or malformed (deny-by-default).</exception>
    /// <exception cref="InvalidOperationException">The embedder is not a <see cref="HashingEmbedder"/> (use <see cref="UpsertAsync"/>), or produced vectors of other dimensions.</exception>
    public DocumentIngestion Upsert(AclDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _embedder.EnsureSynchronous(nameof(UpsertAsync));
        var normalized = document with { Acl = DocumentRules.NormalizedAcl(document) };

        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Unchanged(normalized) is { } unchanged)
            {
                return unchanged;
            }

            var plan = Plan(normalized);
            foreach (var pending in plan.Pending)
            {
                pending.Vector = _embedder.Embed(pending.IndexText, nameof(UpsertAsync));
            }

            return Commit(normalized, plan);
        }
    }

    /// <summary>
    /// Upserts <paramref name="document"/> as <see cref="Upsert"/> does, embedding its new chunks with one call to the
    /// generator. The model is called outside the write lock, so searches and other writes proceed meanwhile.
    /// </summary>
    /// <exception cref="InvalidOperationException">The embedding model produced vectors of other dimensions than the index.</exception>
    public async Task<DocumentIngestion> UpsertWithResultAsync(AclDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        var normalized = document with { Acl = DocumentRules.NormalizedAcl(document) };

        EmbeddingPlan plan;
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Unchanged(normalized) is { } unchanged)
            {
                return unchanged;
            }

            plan = Plan(normalized);
        }

        var vectors = await _embedder.EmbedAsync([.. plan.Pending.Select(pending => pending.IndexText)], cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < vectors.Length; i++)
        {
            plan.Pending[i].Vector = vectors[i];
        }

        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Another writer may have stored this exact version while the model was busy.
            return Unchanged(normalized) ?? Commit(normalized, plan);
        }
    }

    /// <summary>Upserts every accepted document of <paramref name="report"/>; documents the index refuses join the rejected list.</summary>
    /// <exception cref="InvalidOperationException">The embedder is not a <see cref="HashingEmbedder"/>; use <see cref="IngestAsync"/>.</exception>
    public IngestionResult Ingest(IngestionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _embedder.EnsureSynchronous(nameof(IngestAsync));
        var documents = new List<DocumentIngestion>(report.Accepted.Count);
        var rejected = new List<RejectedDocument>(report.Rejected);
        foreach (var document in report.Accepted)
        {
            try
            {
                documents.Add(Upsert(document));
            }
            catch (ArgumentException ex)
            {
                rejected.Add(new RejectedDocument(document.Source, null, ex.Message));
            }
        }

        return new IngestionResult(documents.AsReadOnly(), rejected.AsReadOnly());
    }

    /// <summary>Upserts every accepted document of <paramref name="report"/> through the embedding generator, one call per document.</summary>
    public async Task<IngestionResult> IngestAsync(IngestionReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var documents = new List<DocumentIngestion>(report.Accepted.Count);
        var rejected = new List<RejectedDocument>(report.Rejected);
        foreach (var document in report.Accepted)
        {
            try
            {
                documents.Add(await UpsertWithResultAsync(document, cancellationToken).ConfigureAwait(false));
            }
            catch (ArgumentException ex)
            {
                rejected.Add(new RejectedDocument(document.Source, null, ex.Message));
            }
        }

        return new IngestionResult(documents.AsReadOnly(), rejected.AsReadOnly());
    }

    /// <summary>Removes the document and all of its chunks.</summary>
    /// <returns><see langword="false"/> when no document has that id.</returns>
    public bool Remove(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_documents.ContainsKey(documentId))
            {
                return false;
            }

            _store?.Append(new StoreRecord(documentId, null));
            Mutate(() => RemoveCore(documentId));
            CompactIfDue();
            return true;
        }
    }

    /// <summary>
    /// Returns at most <paramref name="top"/> passages the caller may read, best first. Passages with no content word
    /// in common with the query and a low cosine are left out, so an unrelated question returns nothing.
    /// </summary>
    /// <remarks>
    /// Results are cached per (principal set, query, top) and the cache is cleared by every write. Each search, cached
    /// or not, writes an audit log entry with hashes of the principals and the query and the document ids served.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The embedder is not a <see cref="HashingEmbedder"/>; use <see cref="SearchAsync"/>.</exception>
    public IReadOnlyList<RetrievedPassage> Search(string query, PrincipalSet principals, int top = 4)
    {
        _embedder.EnsureSynchronous(nameof(SearchAsync));

        // The hashing embedder completes synchronously, so this never blocks on I/O.
        return SearchCoreAsync(query, principals, top, (text, _) => Task.FromResult(_embedder.Embed(text, nameof(SearchAsync))), CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    private async Task<IReadOnlyList<RetrievedPassage>> SearchCoreAsync(
        string query,
        PrincipalSet principals,
        int top,
        Func<string, CancellationToken, Task<float[]>> embed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principals);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);

        using var record = SearchRecord.Start(query, principals);

        IReadOnlyList<RetrievedPassage> results = [];
        var dropped = 0;
        if (!string.IsNullOrWhiteSpace(query) && principals.Count > 0)
        {
            var key = new SearchCache.Key(principals.Hash, record.QueryHash, top);
            if (_cache.TryGet(key, out var cached))
            {
                Interlocked.Increment(ref _cacheHits);
                results = cached;
            }
            else
            {
                // Read before searching: a write that lands meanwhile bumps it, and the stale result is not cached.
                var generation = _cache.Generation;
                var queryVector = await embed(query, cancellationToken).ConfigureAwait(false);
                (results, dropped) = SearchCore(queryVector, query, principals, top);
                if (dropped == 0)
                {
                    _cache.Add(key, results, generation);
                }
            }
        }

        Interlocked.Add(ref _droppedTotal, dropped);
        record.Complete(_logger, results, dropped, _timeProvider.GetUtcNow());
        return results;
    }

    /// <summary>Whether the caller may read the document; <see langword="false"/> for unknown ids.</summary>
    public bool CanRead(PrincipalSet principals, string documentId)
    {
        ArgumentNullException.ThrowIfNull(principals);
        ArgumentNullException.ThrowIfNull(documentId);
        _lock.EnterReadLock();
        try
        {
            return _documents.TryGetValue(documentId, out var entry) && principals.CanRead(entry.Document.Acl);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Every stored chunk's text is indexed by its eight-word windows as it is written (and rebuilt from the journal
    /// and snapshot on <see cref="Open"/>); quarantined chunks are not stored and so not covered. The answer is
    /// windowed outside the lock and each window costs one hash lookup, so the check is linear in the answer's length.
    /// </remarks>
    public IReadOnlyList<RestrictedTextMatch> FindUnreadableText(string answer, PrincipalSet caller)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(caller);
        var shingled = TextShingles.Of(answer);
        if (shingled.Hashes.Length == 0)
        {
            return [];
        }

        _lock.EnterReadLock();
        try
        {
            return _shingles.Find(shingled, caller);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public Task<IReadOnlyList<RestrictedTextMatch>> FindUnreadableTextAsync(string answer, PrincipalSet caller, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(FindUnreadableText(answer, caller));
    }

    /// <summary>Writes a new snapshot and starts an empty journal; a no-op for an in-memory index.</summary>
    public void Compact()
    {
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            CompactCore();
        }
    }

    public Task UpsertAsync(AclDocument document, CancellationToken cancellationToken = default) =>
        UpsertWithResultAsync(document, cancellationToken);

    public Task<bool> RemoveAsync(string documentId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Remove(documentId));
    }

    /// <summary>As <see cref="Search"/>, embedding the query with the generator; a cached result calls no model.</summary>
    public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, PrincipalSet principals, int top, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return SearchCoreAsync(query, principals, top, EmbedQueryAsync, cancellationToken);
    }

    public Task<bool> CanReadAsync(PrincipalSet principals, string documentId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(CanRead(principals, documentId));
    }

    /// <summary>Closes the journal; the index must not be used afterwards.</summary>
    public void Dispose()
    {
        lock (_writeGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _store?.Dispose();
        }
    }

    /// <summary>Results this index has dropped in the post-ranking re-check; zero unless the bitmaps are wrong.</summary>
    internal long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    /// <summary>Searches answered from the cache.</summary>
    internal long CacheHits => Interlocked.Read(ref _cacheHits);

    /// <summary>
    /// Replaces the ACL the post-ranking re-check sees for one document without touching the bitmaps, simulating the
    /// kind of inconsistency the re-check exists to catch.
    /// </summary>
    internal void CorruptAclForTesting(string documentId, IReadOnlyList<string> acl) => Mutate(() =>
    {
        foreach (var slot in _documents[documentId].Slots)
        {
            _chunks[slot]!.Acl = acl;
        }
    });

    private async Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellationToken) =>
        (await _embedder.EmbedAsync([query], cancellationToken).ConfigureAwait(false))[0];

    private (IReadOnlyList<RetrievedPassage> Results, int Dropped) SearchCore(float[] queryVector, string query, PrincipalSet principals, int top)
    {
        var queryTerms = TextAnalyzer.ContentTerms(query).Distinct(StringComparer.Ordinal).ToList();
        var results = new List<RetrievedPassage>();
        var dropped = 0;

        _lock.EnterReadLock();
        try
        {
            var candidates = _vectors.ScoreAll(queryVector, principals).ConvertAll(match => (_chunks[match.Slot]!, match.Score));
            foreach (var (chunk, score) in HybridRanker.Rank(candidates, queryTerms))
            {
                if (!principals.CanRead(chunk.Acl))
                {
                    dropped++;
                    Log.AclMismatchDropped(_logger, chunk.DocumentId, principals.Hash);
                    continue;
                }

                results.Add(new RetrievedPassage(chunk.DocumentId, chunk.Title, chunk.Text, score) { FlagReason = chunk.FlagReason });
                if (results.Count == top)
                {
                    break;
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        // Read-only: the same list is handed to every later caller with this principal set from the cache.
        return (results.AsReadOnly(), dropped);
    }

    /// <summary>The result for a document whose stored version is identical; <see langword="null"/> when it must be written.</summary>
    private DocumentIngestion? Unchanged(AclDocument normalized)
    {
        // Only writers change _documents and they hold the gate, so reading it here needs no lock.
        return _documents.TryGetValue(normalized.Id, out var entry) && IsSameVersion(entry.Document, normalized)
            ? new DocumentIngestion(normalized.Id, IngestionOutcome.Unchanged, entry.Slots.Length, 0, entry.Slots.Count(slot => _chunks[slot]!.FlagReason is not null), [])
            : null;
    }

    /// <summary>Writes a planned document whose vectors are all filled in; called under the write gate.</summary>
    private DocumentIngestion Commit(AclDocument normalized, EmbeddingPlan plan)
    {
        var existing = _documents.ContainsKey(normalized.Id);
        var chunks = plan.Chunks.ConvertAll(planned => new StoredChunk(planned.Chunk.Ordinal, planned.Chunk.HeadingPath, planned.Chunk.Text, planned.Flag, planned.Source.Vector!));
        var stored = new StoredDocument(normalized, chunks.AsReadOnly());
        _store?.Append(new StoreRecord(normalized.Id, stored));
        Mutate(() => ApplyCore(stored));
        CompactIfDue();

        return new DocumentIngestion(
            normalized.Id,
            existing ? IngestionOutcome.Updated : IngestionOutcome.Added,
            stored.Chunks.Count,
            plan.Reused,
            stored.Chunks.Count(chunk => chunk.FlagReason is not null),
            plan.Quarantined);
    }

    /// <summary>
    /// Chunks and screens a document and finds the vectors it already has: identical chunks stored earlier or repeated
    /// in the document lend theirs, so only <see cref="EmbeddingPlan.Pending"/> texts need the model. Called under the write gate.
    /// </summary>
    private EmbeddingPlan Plan(AclDocument document)
    {
        var chunks = new List<PlannedChunk>();
        var pending = new List<PendingVector>();
        var quarantined = new List<QuarantinedChunk>();
        var local = new Dictionary<string, PendingVector>(StringComparer.Ordinal);
        var reused = 0;
        foreach (var chunk in MarkdownChunker.Split(document.Content))
        {
            var indexText = MarkdownChunker.IndexText(document.Title, chunk);
            var verdict = _screen?.Screen(document.Id, indexText) ?? ChunkScreenResult.Allow;
            if (verdict.Action == ChunkScreenAction.Quarantine)
            {
                var reason = verdict.Reason ?? "quarantined by the chunk screen";
                quarantined.Add(new QuarantinedChunk(document.Id, chunk.Ordinal, reason));
                Log.ChunkQuarantined(_logger, document.Id, chunk.Ordinal, reason);
                continue;
            }

            var key = EmbeddingKey(indexText);
            if (local.TryGetValue(key, out var source))
            {
                reused++;
            }
            else if (TryReuse(key, out var vector))
            {
                reused++;
                local[key] = source = new PendingVector(indexText) { Vector = vector };
            }
            else
            {
                local[key] = source = new PendingVector(indexText);
                pending.Add(source);
            }

            var flag = verdict.Action == ChunkScreenAction.Flag ? verdict.Reason ?? "flagged by the chunk screen" : null;
            chunks.Add(new PlannedChunk(chunk, flag, source));
        }

        return new EmbeddingPlan(chunks, pending, quarantined.AsReadOnly(), reused);
    }

    private sealed record EmbeddingPlan(List<PlannedChunk> Chunks, List<PendingVector> Pending, IReadOnlyList<QuarantinedChunk> Quarantined, int Reused);

    private sealed record PlannedChunk(DocumentChunk Chunk, string? Flag, PendingVector Source);

    /// <summary>A vector to share between identical chunks; filled in once the model has answered.</summary>
    private sealed class PendingVector(string indexText)
    {
        public string IndexText { get; } = indexText;

        public float[]? Vector { get; set; }
    }

    private bool TryReuse(string key, out float[] vector)
    {
        // Called under the write gate: the slab only changes under that gate, so it is stable here.
        if (_slotsByEmbeddingKey.TryGetValue(key, out var slots) && slots.Count > 0)
        {
            vector = _vectors.Vector(slots[0]).ToArray();
            return true;
        }

        vector = [];
        return false;
    }

    private void ApplyCore(StoredDocument stored)
    {
        var document = stored.Document;
        RemoveCore(document.Id);
        var slots = new int[stored.Chunks.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            var chunk = stored.Chunks[i];
            var indexText = MarkdownChunker.IndexText(document.Title, new DocumentChunk(chunk.Ordinal, chunk.HeadingPath, chunk.Text));
            var terms = TextAnalyzer.ContentTerms(indexText);
            var counts = terms.CountBy(term => term).ToDictionary(StringComparer.Ordinal);
            var key = EmbeddingKey(indexText);

            var slot = _vectors.Add(chunk.Vector, document.Acl);
            while (_chunks.Count <= slot)
            {
                _chunks.Add(null);
            }

            _chunks[slot] = new IndexedChunk(document.Id, chunk.Ordinal, document.Title, chunk.HeadingPath, chunk.Text, chunk.FlagReason, key, counts, terms.Count, document.Acl);
            if (!_slotsByEmbeddingKey.TryGetValue(key, out var sharing))
            {
                _slotsByEmbeddingKey[key] = sharing = [];
            }

            sharing.Add(slot);
            slots[i] = slot;
        }

        _documents[document.Id] = (document, slots);
        _shingles.Add(document.Id, document.Acl, stored.Chunks.Select(chunk => chunk.Text));
    }

    private bool RemoveCore(string documentId)
    {
        if (!_documents.Remove(documentId, out var entry))
        {
            return false;
        }

        _shingles.Remove(documentId, entry.Slots.Select(slot => _chunks[slot]!.Text));

        foreach (var slot in entry.Slots)
        {
            var key = _chunks[slot]!.EmbeddingKey;
            var sharing = _slotsByEmbeddingKey[key];
            sharing.Remove(slot);
            if (sharing.Count == 0)
            {
                _slotsByEmbeddingKey.Remove(key);
            }

            _vectors.Remove(slot);
            _chunks[slot] = null;
        }

        return true;
    }

    private void Mutate(Action change)
    {
        _lock.EnterWriteLock();
        try
        {
            change();
            _cache.Invalidate();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private void CompactIfDue()
    {
        if (_store is { } store && store.JournalRecords >= _compactAfterRecords)
        {
            CompactCore();
        }
    }

    private void CompactCore()
    {
        if (_store is not { } store)
        {
            return;
        }

        // Writers hold the gate, so the state cannot change while it is copied; readers may continue meanwhile.
        var documents = _documents.Values
            .Select(entry => new StoredDocument(entry.Document, [.. entry.Slots.Select(slot =>
            {
                var chunk = _chunks[slot]!;
                return new StoredChunk(chunk.Ordinal, chunk.HeadingPath, chunk.Text, chunk.FlagReason, _vectors.Vector(slot).ToArray());
            })]))
            .ToList();
        store.Compact(documents);
    }

    private static bool IsSameVersion(AclDocument stored, AclDocument incoming) =>
        string.Equals(stored.Content, incoming.Content, StringComparison.Ordinal)
        && string.Equals(stored.Title, incoming.Title, StringComparison.Ordinal)
        && string.Equals(stored.Source, incoming.Source, StringComparison.Ordinal)
        && string.Equals(stored.Classification, incoming.Classification, StringComparison.Ordinal)
        && string.Equals(stored.ContentHash, incoming.ContentHash, StringComparison.Ordinal)
        && stored.Acl.SequenceEqual(incoming.Acl, StringComparer.Ordinal);

    private static string EmbeddingKey(string indexText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(indexText)));
}
