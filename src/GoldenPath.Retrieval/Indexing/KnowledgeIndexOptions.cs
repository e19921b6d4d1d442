using Microsoft.Extensions.Logging;

namespace GoldenPath.Retrieval;

/// <summary>Settings of a <see cref="KnowledgeIndex"/>.</summary>
public sealed class KnowledgeIndexOptions
{
    /// <summary>Receives the search audit, ACL-mismatch security events, quarantines and recovery notes.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Screens every chunk before it is indexed; <see langword="null"/> indexes everything.</summary>
    public IChunkScreen? ChunkScreen { get; set; }

    /// <summary>
    /// Dimensions of the embedding model. <see langword="null"/> takes them from the generator's
    /// <c>EmbeddingGeneratorMetadata.DefaultModelDimensions</c>; when both are known they must agree, and every vector
    /// the model returns must have this length.
    /// </summary>
    public int? Dimensions { get; set; }

    /// <summary>Clock for audit timestamps.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Search results kept per index (least recently used evicted first); 0 disables the cache.</summary>
    public int CacheCapacity { get; set; } = 1024;

    /// <summary>Journal records after which a persisted store writes a new snapshot, bounding replay time on open.</summary>
    public int CompactAfterRecords { get; set; } = 1000;
}
