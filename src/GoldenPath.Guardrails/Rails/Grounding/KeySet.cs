using System.Numerics;

namespace GoldenPath.Guardrails;

/// <summary>
/// A set of 64-bit word keys with open addressing. The keys are already well-mixed hashes, so a probe is a
/// mask and a compare; this is several times cheaper than <see cref="HashSet{T}"/> on the per-word hot path.
/// Zero is reserved as the empty slot and stored as one.
/// </summary>
internal sealed class KeySet
{
    private ulong[] _slots;
    private int _mask;

    public KeySet(int capacity = 16)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _slots = new ulong[size];
        _mask = size - 1;
    }

    public int Count { get; private set; }

    /// <summary>Adds the key; false when it was already present.</summary>
    public bool Add(ulong key)
    {
        key = key == 0 ? 1 : key;
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var i = Slot(key);
        while (_slots[i] != 0)
        {
            if (_slots[i] == key)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }

        _slots[i] = key;
        Count++;
        return true;
    }

    public bool Contains(ulong key)
    {
        key = key == 0 ? 1 : key;
        var i = Slot(key);
        while (_slots[i] != 0)
        {
            if (_slots[i] == key)
            {
                return true;
            }

            i = (i + 1) & _mask;
        }

        return false;
    }

    private int Slot(ulong key) => (int)((key ^ (key >> 29)) & (ulong)_mask);

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        _mask = _slots.Length - 1;
        Count = 0;
        foreach (var key in old)
        {
            if (key != 0)
            {
                Add(key);
            }
        }
    }
}
