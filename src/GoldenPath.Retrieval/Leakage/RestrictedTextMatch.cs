namespace GoldenPath.Retrieval;

/// <summary>A span of an answer that reproduces text from a document the caller may not read.</summary>
/// <param name="Start">Offset of the first character of the copied run in the answer, in UTF-16 code units.</param>
/// <param name="Length">Length of the run in the answer, from the first character of its first word to the last of its last.</param>
/// <param name="DocumentId">The restricted document the run was copied from; an id, never its content.</param>
public readonly record struct RestrictedTextMatch(int Start, int Length, string DocumentId);
