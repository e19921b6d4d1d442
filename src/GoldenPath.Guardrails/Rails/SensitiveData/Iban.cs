namespace GoldenPath.Guardrails;

/// <summary>ISO 13616 validation: the number rearranged and read as digits must leave 1 modulo 97.</summary>
internal static class Iban
{
    public static bool IsValid(ReadOnlySpan<char> compact)
    {
        if (compact.Length is < 15 or > 34)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < compact.Length; i++)
        {
            // Country code and check digits move to the end.
            var c = char.ToUpperInvariant(compact[(i + 4) % compact.Length]);
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }
}
