namespace GoldenPath.Retrieval.Tests.Ingestion;

/// <summary>A screen that quarantines chunks containing one phrase and flags chunks containing another.</summary>
internal sealed class PhraseChunkScreen(string quarantinePhrase, string flagPhrase) : IChunkScreen
{
    public List<string> Screened { get; } = [];

    public ChunkScreenResult Screen(string documentId, string chunkText)
    {
        Screened.Add(documentId);
        if (chunkText.Contains(quarantinePhrase, StringComparison.OrdinalIgnoreCase))
        {
            return ChunkScreenResult.Quarantine($"contains '{quarantinePhrase}'");
        }

        return chunkText.Contains(flagPhrase, StringComparison.OrdinalIgnoreCase)
            ? ChunkScreenResult.Flag($"contains '{flagPhrase}'")
            : ChunkScreenResult.Allow;
    }
}
