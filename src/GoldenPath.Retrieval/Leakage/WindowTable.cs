namespace GoldenPath.Retrieval;

/// <summary>
/// An open-addressing map from window hash to posting (<see cref="ShingleIndex"/>), in two flat arrays: 12 bytes per
/// slot, against roughly twice that per entry, plus resize slack, for <see cref="Dictionary{TKey, TValue}"/>. A large
/// corpus has one entry per distinct eight-word window, so this is most of the probe's memory.
/// </summary>
/// <remarks>
/// Linear probing with backward-shift deletion, so removals leave no tombstones and lookups never slow down with churn.
/// Keys are already well-mixed 64-bit hashes; the home slot is their high half scaled to the table length.
/// </remarks>
internal sealed class WindowTable
{
    /// <summary>Marks a free slot; never a posting, since postings are document numbers or complements of list indexes.</summary>
    internal const int Free = int.MinValue;

    private const int MinimumCapacity = 16;

    private ulong[] _keys = new ulong[MinimumCapacity];
    private int[] _values = NewValues(MinimumCapacity);

    internal int Count { get; private set; }

    internal bool TryGetValue(ulong key, out int value)
    {
        var slot = Home(key, _keys.Length);
        while ((value = _values[slot]) != Free)
        {
            if (_keys[slot] == key)
            {
                return true;
            }

            slot = Next(slot);
        }

        return false;
    }

    /// <summary>Adds <paramref name="key"/> or replaces its value.</summary>
    internal void Set(ulong key, int value)
    {
        if (value == Free)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value marks free slots.");
        }

        // At most three quarters full, so an unsuccessful probe stays short.
        if ((Count + 1) * 4L > _keys.Length * 3L)
        {
            Resize(_keys.Length < 1 << 20 ? _keys.Length * 2 : _keys.Length + (_keys.Length >> 1));
        }

        var slot = Home(key, _keys.Length);
        while (_values[slot] != Free)
        {
            if (_keys[slot] == key)
            {
                _values[slot] = value;
                return;
            }

            slot = Next(slot);
        }

        _keys[slot] = key;
        _values[slot] = value;
        Count++;
    }

    internal bool Remove(ulong key)
    {
        var hole = Home(key, _keys.Length);
        while (_keys[hole] != key)
        {
            if (_values[hole] == Free)
            {
                return false;
            }

            hole = Next(hole);
        }

        if (_values[hole] == Free)
        {
            return false;
        }

        // Pull later entries of the cluster back into the hole unless that would move one before its home slot.
        var slot = hole;
        while (true)
        {
            slot = Next(slot);
            if (_values[slot] == Free)
            {
                break;
            }

            var home = Home(_keys[slot], _keys.Length);
            var homeBetween = hole <= slot ? home > hole && home <= slot : home > hole || home <= slot;
            if (!homeBetween)
            {
                _keys[hole] = _keys[slot];
                _values[hole] = _values[slot];
                hole = slot;
            }
        }

        _values[hole] = Free;
        Count--;
        return true;
    }

    private int Next(int slot) => slot + 1 == _keys.Length ? 0 : slot + 1;

    private static int Home(ulong key, int length) => (int)(((key >> 32) * (ulong)length) >> 32);

    private void Resize(int capacity)
    {
        var keys = _keys;
        var values = _values;
        _keys = new ulong[capacity];
        _values = NewValues(capacity);
        for (var i = 0; i < keys.Length; i++)
        {
            if (values[i] != Free)
            {
                var slot = Home(keys[i], capacity);
                while (_values[slot] != Free)
                {
                    slot = Next(slot);
                }

                _keys[slot] = keys[i];
                _values[slot] = values[i];
            }
        }
    }

    private static int[] NewValues(int capacity)
    {
        var values = new int[capacity];
        Array.Fill(values, Free);
        return values;
    }
}
