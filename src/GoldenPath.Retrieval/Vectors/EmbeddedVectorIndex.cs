using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace GoldenPath.Retrieval;

/// <summary>
/// The vector core of the embedded store: unit vectors in one contiguous slab and, per principal, a bitmap of the
/// slots it may read. A search ORs the caller's bitmaps, scores only the set bits with a SIMD dot product and keeps the
/// best in a bounded heap, so the cost grows with what the caller may read, not with the size of the store.
/// </summary>
/// <remarks>
/// Exact, not approximate: recall against brute force over the permitted set is 1 by construction, and there is no
/// post-filter that could leave a caller with fewer than <c>top</c> results. Not thread-safe; <see cref="KnowledgeIndex"/>
/// guards it with its reader/writer lock.
/// </remarks>
public sealed class EmbeddedVectorIndex
{
    private readonly VectorSlab _vectors;
    private readonly List<IReadOnlyList<string>?> _acls = [];
    private readonly Stack<int> _freeSlots = new();
    private readonly Dictionary<string, ulong[]> _principalSlots = new(StringComparer.Ordinal);

    public EmbeddedVectorIndex(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        _vectors = new VectorSlab(dimensions);
    }

    public int Dimensions => _vectors.Dimensions;

    /// <summary>Number of live vectors.</summary>
    public int Count { get; private set; }

    /// <summary>Stores <paramref name="vector"/> readable by any principal in <paramref name="acl"/>.</summary>
    /// <returns>The slot, reused after <see cref="Remove"/>.</returns>
    /// <exception cref="ArgumentException">The vector has the wrong size, or the ACL is empty or malformed.</exception>
    public int Add(ReadOnlySpan<float> vector, IReadOnlyList<string> acl)
    {
        CheckDimensions(vector.Length, nameof(vector));
        var normalized = NormalizeAcl(acl);

        if (!_freeSlots.TryPop(out var slot))
        {
            slot = _acls.Count;
            _acls.Add(null);
        }

        _acls[slot] = normalized;
        _vectors.Set(slot, vector);
        foreach (var principal in normalized)
        {
            ref var bits = ref CollectionsMarshal.GetValueRefOrAddDefault(_principalSlots, principal, out _);
            bits ??= [];
            SlotBitmap.Set(ref bits, slot);
        }

        Count++;
        return slot;
    }

    /// <summary>Frees <paramref name="slot"/>; false when it holds nothing.</summary>
    public bool Remove(int slot)
    {
        if (slot < 0 || slot >= _acls.Count || _acls[slot] is not { } acl)
        {
            return false;
        }

        foreach (var principal in acl)
        {
            var bits = _principalSlots[principal];
            SlotBitmap.Clear(bits, slot);
            if (SlotBitmap.IsEmpty(bits))
            {
                _principalSlots.Remove(principal);
            }
        }

        _acls[slot] = null;
        _vectors.Clear(slot);
        _freeSlots.Push(slot);
        Count--;
        return true;
    }

    /// <summary>The stored vector of a live slot.</summary>
    public ReadOnlySpan<float> Vector(int slot) => _vectors.Row(slot);

    /// <summary>The ACL a live slot was added with, for the post-ranking re-check.</summary>
    public IReadOnlyList<string>? Acl(int slot) => slot >= 0 && slot < _acls.Count ? _acls[slot] : null;

    /// <summary>Number of slots <paramref name="principals"/> may read.</summary>
    public int CountPermitted(PrincipalSet principals)
    {
        var count = 0;
        foreach (var word in Permitted(principals))
        {
            count += System.Numerics.BitOperations.PopCount(word);
        }

        return count;
    }

    /// <summary>The <paramref name="top"/> permitted slots with the highest dot product with <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<VectorMatch> Search(ReadOnlySpan<float> query, PrincipalSet principals, int top)
    {
        ArgumentNullException.ThrowIfNull(principals);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        CheckDimensions(query.Length, nameof(query));

        var heap = new TopKHeap(top);
        var permitted = Permitted(principals);
        for (var word = 0; word < permitted.Length; word++)
        {
            var bits = permitted[word];
            while (bits != 0)
            {
                var slot = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                heap.Offer(slot, TensorPrimitives.Dot(query, _vectors.Row(slot)));
            }
        }

        return heap.ToSortedArray();
    }

    /// <summary>Every permitted slot with its dot product, in slot order; the input of hybrid ranking.</summary>
    internal List<VectorMatch> ScoreAll(ReadOnlySpan<float> query, PrincipalSet principals)
    {
        var matches = new List<VectorMatch>();
        foreach (var slot in SlotBitmap.Slots(Permitted(principals)))
        {
            matches.Add(new VectorMatch(slot, TensorPrimitives.Dot(query, _vectors.Row(slot))));
        }

        return matches;
    }

    private ulong[] Permitted(PrincipalSet principals)
    {
        ulong[]? single = null;
        ulong[]? union = null;
        foreach (var principal in principals)
        {
            if (!_principalSlots.TryGetValue(principal, out var bits))
            {
                continue;
            }

            if (single is null)
            {
                single = bits;
                continue;
            }

            // Copy before the first OR: the stored bitmaps must never be modified by a search.
            union ??= [.. single];
            if (bits.Length > union.Length)
            {
                Array.Resize(ref union, bits.Length);
            }

            SlotBitmap.UnionInto(union, bits);
        }

        return union ?? single ?? [];
    }

    private void CheckDimensions(int length, string parameter)
    {
        if (length != Dimensions)
        {
            throw new ArgumentException($"The vector has {length} dimensions but this index holds {Dimensions}; embed with the same model the index was built with.", parameter);
        }
    }

    private static IReadOnlyList<string> NormalizeAcl(IReadOnlyList<string> acl)
    {
        ArgumentNullException.ThrowIfNull(acl);
        if (acl.Count == 0)
        {
            throw new ArgumentException("The ACL is empty; deny-by-default means a vector nobody may read is never stored.", nameof(acl));
        }

        var normalized = new List<string>(acl.Count);
        foreach (var raw in acl)
        {
            if (Principal.TryNormalize(raw, out var principal) is { } error)
            {
                throw new ArgumentException($"Invalid ACL entry: {error}.", nameof(acl));
            }

            if (!normalized.Contains(principal, StringComparer.Ordinal))
            {
                normalized.Add(principal);
            }
        }

        return normalized.AsReadOnly();
    }
}
