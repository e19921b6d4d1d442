namespace GoldenPath.AspNetCore.Fast;

/// <summary>The body of <c>POST /fast/plant</c>.</summary>
public sealed class PlantRequest
{
    /// <summary>Lines appended to the app's system prompt, each one line of text (put the canary in it).</summary>
    public IReadOnlyList<string>? SystemPrompt { get; init; }

    /// <summary>Documents upserted into the knowledge store, each id prefixed with <c>fast-</c>.</summary>
    public IReadOnlyList<PlantDocumentRequest>? Documents { get; init; }
}

/// <summary>One document to plant.</summary>
public sealed class PlantDocumentRequest
{
    /// <summary>Lower-case letters, digits, <c>.</c>, <c>_</c> or <c>-</c>; stored as <c>fast-&lt;id&gt;</c>.</summary>
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    /// <summary>
    /// Who may read it: a bare name is a group (<c>hr</c> means <c>group:hr</c>), <c>user:&lt;id&gt;</c> restricts it to
    /// one user (another user's data). Empty means <see cref="FastHookOptions.UnrestrictedAudience"/>.
    /// </summary>
    public IReadOnlyList<string>? Groups { get; init; }
}

/// <summary>
/// The answer to a plant (how many lines the system prompt now carries and the stored ids of the planted documents) or
/// to a delete (how many lines and which documents were removed).
/// </summary>
public sealed record PlantResponse(int SystemPromptLines, IReadOnlyList<string> Documents)
{
    /// <summary>
    /// Chunks of planted documents the ingestion screen kept out of the embedded index (<c>id#chunk: reason</c>): they
    /// can never be retrieved, so a case that relies on them tests the screen, not access control. Empty for stores that
    /// do not report it.
    /// </summary>
    public IReadOnlyList<string> Quarantined { get; init; } = [];
}
