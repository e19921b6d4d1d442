namespace GoldenPath.Retrieval;

/// <summary>Validates schema and role names that are spliced into SQL, where parameters cannot be used.</summary>
internal static class PostgresIdentifier
{
    // PostgreSQL truncates identifiers longer than NAMEDATALEN - 1 bytes, which could silently merge two names.
    private const int MaxLength = 63;

    internal static string Validate(string? name, string optionName)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || !IsIdentifier(name))
        {
            throw new ArgumentException(
                $"PostgresStoreOptions.{optionName} '{name}' is not a valid name; use 1 to {MaxLength} lower-case letters, digits or '_', starting with a letter or '_' (for example goldenpath).",
                optionName);
        }

        return name;
    }

    // Unquoted lower-case identifiers need no quoting, so the SQL text stays readable and injection-free.
    private static bool IsIdentifier(string name)
    {
        if (!(char.IsAsciiLetterLower(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
