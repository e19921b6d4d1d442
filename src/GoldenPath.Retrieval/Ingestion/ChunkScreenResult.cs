namespace GoldenPath.Retrieval;

/// <summary>What a <see cref="IChunkScreen"/> decided about one chunk, with the reason when it is not allowed.</summary>
public sealed record ChunkScreenResult(ChunkScreenAction Action, string? Reason)
{
    public static ChunkScreenResult Allow { get; } = new(ChunkScreenAction.Allow, null);

    public static ChunkScreenResult Flag(string reason) => new(ChunkScreenAction.Flag, Required(reason));

    public static ChunkScreenResult Quarantine(string reason) => new(ChunkScreenAction.Quarantine, Required(reason));

    private static string Required(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return reason;
    }
}
