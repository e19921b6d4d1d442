namespace GoldenPath.Retrieval;

/// <summary>Benchmarks <see cref="EmbeddedVectorIndex"/>, the vector core <see cref="KnowledgeIndex"/> searches with.</summary>
public sealed class EmbeddedVectorBenchTarget : IVectorBenchTarget
{
    private EmbeddedVectorIndex? _index;

    public string Name => "embedded";

    public Task LoadAsync(VectorBenchDataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var index = new EmbeddedVectorIndex(dataset.Dimensions);
        for (var i = 0; i < dataset.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A fresh index hands out slots in order, so slot i is dataset chunk i.
            index.Add(dataset.Vector(i).Span, dataset.Acl(i));
        }

        _index = index;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<int>> SearchAsync(ReadOnlyMemory<float> query, PrincipalSet principals, int top, CancellationToken cancellationToken)
    {
        var index = _index ?? throw new InvalidOperationException("Call LoadAsync before SearchAsync.");
        var matches = index.Search(query.Span, principals, top);
        var slots = new int[matches.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = matches[i].Slot;
        }

        return Task.FromResult<IReadOnlyList<int>>(slots);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
