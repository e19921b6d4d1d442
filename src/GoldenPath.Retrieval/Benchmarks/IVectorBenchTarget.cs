namespace GoldenPath.Retrieval;

/// <summary>
/// A store under test by <see cref="VectorBench"/>: it loads the generated chunks with their ACLs, then answers
/// permission-filtered top-k vector queries exactly the way the store answers real searches.
/// </summary>
public interface IVectorBenchTarget : IAsyncDisposable
{
    /// <summary>The <c>store</c> value of the result line, for example <c>embedded</c>.</summary>
    string Name { get; }

    Task LoadAsync(VectorBenchDataset dataset, CancellationToken cancellationToken);

    /// <summary>The dataset indexes of the best <paramref name="top"/> chunks <paramref name="principals"/> may read, best first.</summary>
    Task<IReadOnlyList<int>> SearchAsync(ReadOnlyMemory<float> query, PrincipalSet principals, int top, CancellationToken cancellationToken);
}
