namespace GoldenPath.Retrieval;

/// <summary>
/// The deny-by-default checks a document passes before any store writes it: a valid id and a non-empty ACL of
/// well-formed principals, normalized the same way a caller's <see cref="PrincipalSet"/> is, so stored and presented
/// spellings match.
/// </summary>
internal static class DocumentRules
{
    internal static IReadOnlyList<string> NormalizedAcl(AclDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrEmpty(document.Id) || !DocumentFields.IsValidId(document.Id))
        {
            throw new ArgumentException($"Document id '{document.Id}' is invalid; use lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.", nameof(document));
        }

        ArgumentNullException.ThrowIfNull(document.Title);
        ArgumentNullException.ThrowIfNull(document.Content);
        if (document.Acl is null || document.Acl.Count == 0)
        {
            throw new ArgumentException($"Document '{document.Id}' has no ACL; deny-by-default means a document nobody may read is never stored or searched. Give it at least one principal such as group:employees.", nameof(document));
        }

        var acl = new List<string>(document.Acl.Count);
        foreach (var raw in document.Acl)
        {
            var error = Principal.TryNormalize(raw, out var normalized);
            if (error is not null)
            {
                throw new ArgumentException($"Document '{document.Id}' has an invalid ACL entry: {error}.", nameof(document));
            }

            if (!acl.Contains(normalized, StringComparer.Ordinal))
            {
                acl.Add(normalized);
            }
        }

        return acl.AsReadOnly();
    }
}
