namespace GoldenPath.Retrieval;

/// <summary>
/// Which documents hold each eight-word window hash, for finding answer text copied from documents a caller may not
/// read. Not thread-safe: <see cref="KnowledgeIndex"/> writes it under its write lock and reads it under its read lock.
/// </summary>
/// <remarks>
/// Most windows occur in one document, so a posting is a single document number stored inline in the table value;
/// only windows shared by several documents (boilerplate, copies) get a list. That keeps the index at one
/// <see cref="WindowTable"/> slot (12 bytes at most three quarters full) per distinct window.
/// </remarks>
internal sealed class ShingleIndex
{
    // value >= 0: the one document number holding the hash; value < 0: ~index into _shared.
    private readonly WindowTable _postings = new();
    private readonly List<List<int>?> _shared = [];
    private readonly Stack<int> _freeShared = new();
    private readonly List<Entry?> _documents = [];
    private readonly Stack<int> _freeNumbers = new();
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    internal int DocumentCount => _numbers.Count;

    /// <summary>Adds a document's texts; the document must not be present.</summary>
    internal void Add(string documentId, IReadOnlyList<string> acl, IEnumerable<string> texts)
    {
        var hashes = TextShingles.DistinctHashes(texts);
        var number = _freeNumbers.Count > 0 ? _freeNumbers.Pop() : _documents.Count;
        var entry = new Entry([documentId], acl);
        if (number == _documents.Count)
        {
            _documents.Add(entry);
        }
        else
        {
            _documents[number] = entry;
        }

        _numbers.Add(documentId, number);
        foreach (var hash in hashes)
        {
            if (!_postings.TryGetValue(hash, out var posting))
            {
                _postings.Set(hash, number);
            }
            else if (posting >= 0)
            {
                _postings.Set(hash, ~NewShared(posting, number));
            }
            else
            {
                _shared[~posting]!.Add(number);
            }
        }
    }

    /// <summary>Removes a document; <paramref name="texts"/> must be the texts it was added with.</summary>
    /// <remarks>The windows are recomputed rather than kept per document, which would cost another 8 bytes per window.</remarks>
    internal void Remove(string documentId, IEnumerable<string> texts)
    {
        if (!_numbers.Remove(documentId, out var number))
        {
            return;
        }

        foreach (var hash in TextShingles.DistinctHashes(texts))
        {
            if (!_postings.TryGetValue(hash, out var posting))
            {
                continue;
            }

            if (posting >= 0)
            {
                _postings.Remove(hash);
                continue;
            }

            var list = _shared[~posting]!;
            list.Remove(number);
            if (list.Count == 1)
            {
                _postings.Set(hash, list[0]);
                _shared[~posting] = null;
                _freeShared.Push(~posting);
            }
        }

        _documents[number] = null;
        _freeNumbers.Push(number);
    }

    /// <summary>The answer spans whose windows occur only in documents <paramref name="caller"/> may not read.</summary>
    internal IReadOnlyList<RestrictedTextMatch> Find(ShingledText answer, PrincipalSet caller)
    {
        // Each document's ACL is checked once per answer, however many windows it shares with it.
        var readable = new Dictionary<int, bool>();
        bool CanRead(int number)
        {
            if (!readable.TryGetValue(number, out var result))
            {
                readable[number] = result = caller.CanRead(_documents[number]!.Acl);
            }

            return result;
        }

        return answer.Runs(i =>
        {
            if (!_postings.TryGetValue(answer.Hashes[i], out var posting))
            {
                return null;
            }

            if (posting >= 0)
            {
                return CanRead(posting) ? null : _documents[posting]!.Id;
            }

            var holders = _shared[~posting]!;
            if (holders.Exists(CanRead))
            {
                return null;
            }

            return holders.ConvertAll(number => _documents[number]!.Id[0]);
        });
    }

    private int NewShared(int first, int second)
    {
        List<int> list = [first, second];
        if (_freeShared.Count > 0)
        {
            var slot = _freeShared.Pop();
            _shared[slot] = list;
            return slot;
        }

        _shared.Add(list);
        return _shared.Count - 1;
    }

    // Id is a one-element list so a single-holder lookup allocates nothing.
    private sealed record Entry(string[] Id, IReadOnlyList<string> Acl);
}
