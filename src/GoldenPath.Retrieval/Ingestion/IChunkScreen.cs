namespace GoldenPath.Retrieval;

/// <summary>
/// Inspects every chunk before it is indexed. Retrieved text reaches the model's context, so a document that carries
/// instructions aimed at the model is an injection vector; screening at ingestion keeps such chunks out of every
/// later answer instead of relying on each answer's output checks.
/// </summary>
public interface IChunkScreen
{
    ChunkScreenResult Screen(string documentId, string chunkText);
}
