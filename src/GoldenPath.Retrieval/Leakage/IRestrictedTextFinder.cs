namespace GoldenPath.Retrieval;

/// <summary>
/// Finds answer text copied from documents a caller may not read. Access control keeps such documents out of
/// retrieval, but an answer can still carry their text (a cached answer, a tool result, a model that saw it another
/// way), so output checks ask the store directly.
/// </summary>
/// <remarks>
/// Text is compared as overlapping runs of eight words, case-folded and insensitive to
/// whitespace and punctuation. A run is reported only when every stored document containing it is unreadable for the
/// caller: text the caller may read, or boilerplate shared with a readable document, is never a match. Passages
/// shorter than eight words cannot be matched.
/// </remarks>
public interface IRestrictedTextFinder
{
    /// <summary>
    /// The spans of <paramref name="answer"/> copied from documents <paramref name="caller"/> may not read, in answer
    /// order; consecutive matching word runs are merged into one span.
    /// </summary>
    IReadOnlyList<RestrictedTextMatch> FindUnreadableText(string answer, PrincipalSet caller);

    /// <inheritdoc cref="FindUnreadableText"/>
    Task<IReadOnlyList<RestrictedTextMatch>> FindUnreadableTextAsync(string answer, PrincipalSet caller, CancellationToken cancellationToken = default);
}
