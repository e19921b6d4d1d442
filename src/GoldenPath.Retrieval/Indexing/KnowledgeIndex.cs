using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldenPath.Retrieval;

/// <summary>
/// An in-memory, access-controlled index. Each principal owns a bitmap of the chunk slots it may read; a search
/// ORs the caller's bitmaps once and scores only those chunks, so a caller never ranks a document they cannot read.
/// </summary>
/// <remarks>
/// Searches run concurrently under a read lock; <see cref="Upsert"/> and <see cref="Remove"/> take the write lock, so
/// an ACL change is visible to the very next search. Every result is re-checked against its ACL after ranking; a
/// mismatch would mean the bitmaps are wrong, so it is dropped and reported as a security event.
/// </remarks>
public sealed class KnowledgeIndex(HashingEmbedder embedder)
{
    private readonly HashingEmbedder _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly List<IndexedChunk?> _slots = [];
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<string, (AclDocument Document, int[] Slots)> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ulong[]> _principalSlots = new(StringComparer.Ordinal);
    private readonly ILogger _logger = NullLogger.Instance;
    private long _droppedTotal;

    public KnowledgeIndex(HashingEmbedder embedder, ILogger<KnowledgeIndex> logger)
        : this(embedder)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

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

    /// <summary>Adds <paramref name="document"/>, or replaces every chunk of the document with the same id.</summary>
    /// <exception cref="ArgumentException">The id is invalid or the ACL is empty or malformed (deny-by-default).</exception>
    public void Upsert(AclDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var acl = NormalizeAcl(document);

        // Chunking and embedding are the expensive part; do them before taking the write lock.
        var chunks = MarkdownChunker.Split(document.Content)
            .Select(chunk =>
            {
                var indexText = MarkdownChunker.IndexText(document.Title, chunk);
                var terms = TextAnalyzer.ContentTerms(indexText);
                var counts = terms.CountBy(term => term).ToDictionary(StringComparer.Ordinal);
                return new IndexedChunk(document.Id, chunk.Ordinal, document.Title, chunk.Text, _embedder.Embed(indexText), counts, terms.Count, acl);
            })
            .ToList();

        _lock.EnterWriteLock();
        try
        {
            RemoveCore(document.Id);
            var slots = new int[chunks.Count];
            for (var i = 0; i < chunks.Count; i++)
            {
                slots[i] = Allocate(chunks[i]);
                foreach (var principal in acl)
                {
                    ref var bits = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_principalSlots, principal, out _);
                    bits ??= [];
                    SlotBitmap.Set(ref bits, slots[i]);
                }
            }

            _documents[document.Id] = (document with { Acl = acl }, slots);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes the document and all of its chunks.</summary>
    /// <returns><see langword="false"/> when no document has that id.</returns>
    public bool Remove(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        _lock.EnterWriteLock();
        try
        {
            return RemoveCore(documentId);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Returns at most <paramref name="top"/> passages the caller may read, best first. Passages with no content word
    /// in common with the query and a low cosine are left out, so an unrelated question returns nothing.
    /// </summary>
    public IReadOnlyList<RetrievedPassage> Search(string query, PrincipalSet principals, int top = 4)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principals);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);

        using var activity = RetrievalTelemetry.ActivitySource.StartActivity(RetrievalTelemetry.SearchActivityName);
        activity?.SetTag(RetrievalTelemetry.PrincipalsHashTag, principals.Hash);
        activity?.SetTag(RetrievalTelemetry.QueryHashTag, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query))));

        var results = new List<RetrievedPassage>();
        var dropped = 0;
        if (!string.IsNullOrWhiteSpace(query) && principals.Count > 0)
        {
            var queryVector = _embedder.Embed(query);
            var queryTerms = TextAnalyzer.ContentTerms(query).Distinct(StringComparer.Ordinal).ToList();

            _lock.EnterReadLock();
            try
            {
                foreach (var (chunk, score) in HybridRanker.Rank(PermittedChunks(principals), queryVector, queryTerms))
                {
                    if (!principals.CanRead(chunk.Acl))
                    {
                        dropped++;
                        Log.AclMismatchDropped(_logger, chunk.DocumentId, principals.Hash);
                        continue;
                    }

                    results.Add(new RetrievedPassage(chunk.DocumentId, chunk.Title, chunk.Text, score));
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
        }

        if (dropped > 0)
        {
            Interlocked.Add(ref _droppedTotal, dropped);
            RetrievalTelemetry.Dropped.Add(dropped);
        }

        activity?.SetTag(RetrievalTelemetry.ResultCountTag, results.Count);
        activity?.SetTag(RetrievalTelemetry.DocumentIdsTag, string.Join(',', results.Select(r => r.DocumentId).Distinct(StringComparer.Ordinal)));
        activity?.SetTag(RetrievalTelemetry.DroppedTag, dropped);
        return results.AsReadOnly();
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

    /// <summary>Results this index has dropped in the post-ranking re-check; zero unless the bitmaps are wrong.</summary>
    internal long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    /// <summary>
    /// Replaces the ACL the post-ranking re-check sees for one document without touching the bitmaps, simulating the
    /// kind of inconsistency the re-check exists to catch.
    /// </summary>
    internal void CorruptAclForTesting(string documentId, IReadOnlyList<string> acl)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var slot in _documents[documentId].Slots)
            {
                _slots[slot]!.Acl = acl;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private List<IndexedChunk> PermittedChunks(PrincipalSet principals)
    {
        var callerBitmaps = new List<ulong[]>();
        foreach (var principal in principals)
        {
            if (_principalSlots.TryGetValue(principal, out var bits))
            {
                callerBitmaps.Add(bits);
            }
        }

        if (callerBitmaps.Count == 0)
        {
            return [];
        }

        var permitted = new ulong[callerBitmaps.Max(bits => bits.Length)];
        foreach (var bits in callerBitmaps)
        {
            SlotBitmap.UnionInto(permitted, bits);
        }

        var chunks = new List<IndexedChunk>();
        foreach (var slot in SlotBitmap.Slots(permitted))
        {
            if (slot < _slots.Count && _slots[slot] is { } chunk)
            {
                chunks.Add(chunk);
            }
        }

        return chunks;
    }

    private int Allocate(IndexedChunk chunk)
    {
        if (_freeSlots.TryPop(out var slot))
        {
            _slots[slot] = chunk;
            return slot;
        }

        _slots.Add(chunk);
        return _slots.Count - 1;
    }

    private bool RemoveCore(string documentId)
    {
        if (!_documents.Remove(documentId, out var entry))
        {
            return false;
        }

        foreach (var principal in entry.Document.Acl)
        {
            var bits = _principalSlots[principal];
            foreach (var slot in entry.Slots)
            {
                SlotBitmap.Clear(bits, slot);
            }

            if (SlotBitmap.IsEmpty(bits))
            {
                _principalSlots.Remove(principal);
            }
        }

        foreach (var slot in entry.Slots)
        {
            _slots[slot] = null;
            _freeSlots.Push(slot);
        }

        return true;
    }

    private static IReadOnlyList<string> NormalizeAcl(AclDocument document)
    {
        if (string.IsNullOrEmpty(document.Id) || !DocumentFields.IsValidId(document.Id))
        {
            throw new ArgumentException($"Document id '{document.Id}' is invalid; use lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.", nameof(document));
        }

        ArgumentNullException.ThrowIfNull(document.Title);
        ArgumentNullException.ThrowIfNull(document.Content);
        if (document.Acl is null || document.Acl.Count == 0)
        {
            throw new ArgumentException($"Document '{document.Id}' has no ACL; deny-by-default means a document nobody may read is never indexed. Give it at least one principal such as group:employees.", nameof(document));
        }

        var acl = new List<string>(document.Acl.Count);
        foreach (var raw in document.Acl)
        {
            var error = Principal.TryNormalize(raw, out var normalized);
            if (error is not null)
            {
                throw new ArgumentException($"Document '{document.Id}' has an invalid ACL entry: {error}.", nameof(document));
            }

            if (!acl.Contains(normalized, StringComparer.Ordinal))
            {
                acl.Add(normalized);
            }
        }

        return acl.AsReadOnly();
    }
}
