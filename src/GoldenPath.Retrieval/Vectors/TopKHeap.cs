namespace GoldenPath.Retrieval;

/// <summary>
/// Keeps the <c>k</c> best (slot, score) pairs seen so far in a min-heap, so each candidate costs one comparison
/// against the current worst unless it displaces it.
/// </summary>
internal sealed class TopKHeap
{
    private readonly VectorMatch[] _items;
    private int _count;

    internal TopKHeap(int k) => _items = new VectorMatch[k];

    internal void Offer(int slot, float score)
    {
        if (_count < _items.Length)
        {
            _items[_count] = new VectorMatch(slot, score);
            SiftUp(_count++);
        }
        else if (IsBetter(score, slot, _items[0]))
        {
            _items[0] = new VectorMatch(slot, score);
            SiftDown(0);
        }
    }

    /// <summary>The kept matches, best first; ties go to the lower slot so results are deterministic.</summary>
    internal VectorMatch[] ToSortedArray()
    {
        var result = _items.AsSpan(0, _count).ToArray();
        Array.Sort(result, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Slot.CompareTo(b.Slot));
        return result;
    }

    private static bool IsBetter(float score, int slot, VectorMatch than) =>
        score > than.Score || (score == than.Score && slot < than.Slot);

    // The root is the worst kept match.
    private static bool IsWorse(VectorMatch a, VectorMatch b) => IsBetter(b.Score, b.Slot, a);

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!IsWorse(_items[index], _items[parent]))
            {
                return;
            }

            (_items[index], _items[parent]) = (_items[parent], _items[index]);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var left = (2 * index) + 1;
            if (left >= _count)
            {
                return;
            }

            var worst = left + 1 < _count && IsWorse(_items[left + 1], _items[left]) ? left + 1 : left;
            if (!IsWorse(_items[worst], _items[index]))
            {
                return;
            }

            (_items[index], _items[worst]) = (_items[worst], _items[index]);
            index = worst;
        }
    }
}
