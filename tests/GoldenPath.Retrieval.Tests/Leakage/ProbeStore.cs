namespace GoldenPath.Retrieval.Tests.Leakage;

/// <summary>A store under test seen both as a knowledge store and as a restricted-text finder.</summary>
internal sealed class ProbeStore(IKnowledgeStore store, Func<ValueTask> dispose) : IAsyncDisposable
{
    public IKnowledgeStore Store { get; } = store;

    public IRestrictedTextFinder Finder { get; } = (IRestrictedTextFinder)store;

    public Task<IReadOnlyList<RestrictedTextMatch>> FindAsync(string answer, PrincipalSet caller) =>
        Finder.FindUnreadableTextAsync(answer, caller, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => dispose();
}
