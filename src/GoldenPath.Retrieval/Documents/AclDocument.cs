namespace GoldenPath.Retrieval;

/// <summary>A document with the explicit list of principals allowed to read it.</summary>
/// <param name="Id">Stable identifier, <c>[a-z0-9][a-z0-9._-]*</c>; also the citation label.</param>
/// <param name="Title">Human-readable title, shown next to citations.</param>
/// <param name="Content">The body without front matter, line endings normalized to <c>\n</c> and trimmed.</param>
/// <param name="Acl">Normalized principals; reading requires any one of them.</param>
/// <param name="Source">Where the document came from (a path relative to the ingested directory).</param>
/// <param name="Classification">Sensitivity label such as <c>internal</c> (the default) or <c>confidential</c>.</param>
/// <param name="ContentHash">Lower-case SHA-256 hex of <paramref name="Content"/>, for change detection.</param>
public sealed record AclDocument(
    string Id,
    string Title,
    string Content,
    IReadOnlyList<string> Acl,
    string Source,
    string Classification,
    string ContentHash);
