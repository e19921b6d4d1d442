namespace GoldenPath.Retrieval;

/// <summary>
/// The one place that decides what a principal string may look like, shared by caller sets and document ACLs
/// so the two can never disagree about spelling.
/// </summary>
internal static class Principal
{
    private static readonly string[] s_kinds = ["user", "group", "role"];

    // Catch-all spellings that would silently turn an ACL into "public".
    private static readonly HashSet<string> s_wildcards = new(StringComparer.OrdinalIgnoreCase)
    {
        "*", "everyone", "all", "public", "anyone", "any",
    };

    internal const string EveryoneExplanation =
        "there is no implicit 'everyone': spell the audience out as a group the identity provider issues, for example group:employees";

    /// <summary>Normalizes <paramref name="raw"/> to <c>kind:value</c> with a lower-case kind and a trimmed value.</summary>
    /// <returns><see langword="null"/> when valid; otherwise the reason and fix.</returns>
    internal static string? TryNormalize(string? raw, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "a principal is empty; use user:<id>, group:<name> or role:<name>";
        }

        var text = raw.Trim();
        if (s_wildcards.Contains(text))
        {
            return $"'{text}' is not a principal: {EveryoneExplanation}";
        }

        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            return $"'{text}' is not a principal; use user:<id>, group:<name> or role:<name>";
        }

        var kind = text[..colon].Trim().ToLowerInvariant();
        if (Array.IndexOf(s_kinds, kind) < 0)
        {
            return $"'{text}' has an unknown kind '{kind}'; use user:<id>, group:<name> or role:<name>";
        }

        var value = text[(colon + 1)..].Trim();
        if (value.Length == 0)
        {
            return $"'{text}' has no name after '{kind}:'; use user:<id>, group:<name> or role:<name>";
        }

        if (value.Contains('*') || (kind != "group" && s_wildcards.Contains(value)))
        {
            return $"'{text}' is a wildcard: {EveryoneExplanation}";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return $"'{text}' contains a control character; principal names are plain text";
            }
        }

        normalized = string.Concat(kind, ":", value);
        return null;
    }
}
