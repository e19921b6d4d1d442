namespace GoldenPath.AspNetCore.Retrieval;

/// <summary>What ingestion does with a chunk the guardrail input rails would block.</summary>
public enum SuspiciousChunkHandling
{
    /// <summary>Keep it out of the index and report it (the default: an injected instruction is never retrieved).</summary>
    Quarantine = 0,

    /// <summary>Index it and mark every passage served from it, for corpora where false positives are costly.</summary>
    Flag = 1,
}
