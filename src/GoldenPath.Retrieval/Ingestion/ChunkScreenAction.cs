namespace GoldenPath.Retrieval;

public enum ChunkScreenAction
{
    /// <summary>Index the chunk.</summary>
    Allow = 0,

    /// <summary>Index the chunk and mark every passage served from it (<see cref="RetrievedPassage.FlagReason"/>).</summary>
    Flag = 1,

    /// <summary>Do not index the chunk; it is listed in <see cref="DocumentIngestion.Quarantined"/>.</summary>
    Quarantine = 2,
}
