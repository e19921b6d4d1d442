namespace GoldenPath.Retrieval;

/// <summary>
/// A bounded least-recently-used cache of search results keyed by (principal-set hash, query hash, top).
/// </summary>
/// <remarks>
/// The principal-set hash is part of the key, so one caller's results are never served to another, even for the same
/// question. Every write clears the cache and bumps <see cref="Generation"/>; a search that started before the write
/// carries the old generation and its result is not stored, so a changed ACL is never masked by a stale entry.
/// </remarks>
internal sealed class SearchCache(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Key, LinkedListNode<(Key Key, IReadOnlyList<RetrievedPassage> Value)>> _entries = [];
    private readonly LinkedList<(Key Key, IReadOnlyList<RetrievedPassage> Value)> _order = new();
    private long _generation;

    internal long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    internal bool TryGet(Key key, out IReadOnlyList<RetrievedPassage> value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = [];
        return false;
    }

    internal void Add(Key key, IReadOnlyList<RetrievedPassage> value, long generation)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (generation != _generation || _entries.ContainsKey(key))
            {
                return;
            }

            if (_entries.Count >= capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _entries.Remove(last.Value.Key);
            }

            _entries[key] = _order.AddFirst((key, value));
        }
    }

    internal void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _entries.Clear();
            _order.Clear();
        }
    }

    internal readonly record struct Key(string PrincipalsHash, string QueryHash, int Top);
}
