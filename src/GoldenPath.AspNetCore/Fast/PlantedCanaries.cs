namespace GoldenPath.AspNetCore.Fast;

/// <summary>
/// What a FAST scan planted through the hook: lines the app appends to its system prompt, and the ids of planted
/// documents. Always registered and empty unless the hook, enabled in Development or Testing, plants something.
/// </summary>
/// <remarks>
/// Thread-safe: readers get an immutable snapshot, so a chat turn never sees a half-applied plant.
/// </remarks>
public sealed class PlantedCanaries
{
    private readonly Lock _gate = new();
    private string[] _systemPromptLines = [];
    private string[] _documentIds = [];

    /// <summary>Lines to append to the system prompt, one per line, in the order they were planted.</summary>
    public IReadOnlyList<string> SystemPromptLines => Volatile.Read(ref _systemPromptLines);

    /// <summary>Ids (with their <c>fast-</c> prefix) of the documents planted in the knowledge store.</summary>
    public IReadOnlyList<string> DocumentIds => Volatile.Read(ref _documentIds);

    /// <summary>Adds system-prompt lines and records planted document ids; a line or id already planted is kept once.</summary>
    public void Plant(IEnumerable<string> systemPromptLines, IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(systemPromptLines);
        ArgumentNullException.ThrowIfNull(documentIds);
        lock (_gate)
        {
            Volatile.Write(ref _systemPromptLines, [.. _systemPromptLines.Union(systemPromptLines, StringComparer.Ordinal)]);
            Volatile.Write(ref _documentIds, [.. _documentIds.Union(documentIds, StringComparer.Ordinal)]);
        }
    }

    /// <summary>Forgets the given planted documents and returns those that were planted; unknown ids are ignored.</summary>
    public IReadOnlyList<string> Forget(IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        lock (_gate)
        {
            var forgotten = _documentIds.Intersect(documentIds, StringComparer.Ordinal).ToArray();
            Volatile.Write(ref _documentIds, [.. _documentIds.Except(forgotten, StringComparer.Ordinal)]);
            return forgotten;
        }
    }

    /// <summary>Removes every line and document id and returns the document ids, so the caller can delete them from the store.</summary>
    public IReadOnlyList<string> Clear()
    {
        lock (_gate)
        {
            var documents = _documentIds;
            Volatile.Write(ref _systemPromptLines, []);
            Volatile.Write(ref _documentIds, []);
            return documents;
        }
    }
}
