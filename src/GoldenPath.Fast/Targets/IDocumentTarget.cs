namespace GoldenPath.Fast;

/// <summary>A target that can plant documents where the app reads them (retrieval results, tool output) before an attack.</summary>
/// <remarks>
/// Cases with planted documents test indirect injection; against a target without this interface they are skipped
/// and listed on the scorecard, never silently sent without their documents.
/// </remarks>
public interface IDocumentTarget : IFastTarget
{
    /// <param name="turns">User messages, in order, in one conversation.</param>
    /// <param name="documents">Documents with canary placeholders already filled in.</param>
    /// <param name="cancellationToken">Stops the attack.</param>
    Task<TargetResponse> SendAsync(IReadOnlyList<string> turns, IReadOnlyList<PlantedDocument> documents, CancellationToken cancellationToken);
}
