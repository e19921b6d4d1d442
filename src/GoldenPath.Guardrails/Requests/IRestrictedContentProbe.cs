namespace GoldenPath.Guardrails;

/// <summary>
/// A hook the retrieval layer implements for one caller: it reports the spans of an answer that reproduce
/// documents the caller may not read, so the output rails can stop them even if retrieval itself was bypassed.
/// </summary>
public interface IRestrictedContentProbe
{
    /// <summary>Spans of <paramref name="answer"/> copied from documents the caller may not read, with the document ids as evidence.</summary>
    IReadOnlyList<RestrictedContentMatch> Find(string answer);
}

/// <param name="Span">Where in the answer the restricted text appears.</param>
/// <param name="DocumentId">The restricted document it came from; an id, never the content.</param>
public readonly record struct RestrictedContentMatch(EvidenceSpan Span, string DocumentId);
