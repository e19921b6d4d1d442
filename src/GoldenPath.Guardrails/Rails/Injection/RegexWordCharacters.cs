using System.Globalization;

namespace GoldenPath.Guardrails;

/// <summary>
/// What .NET regular expressions count as a word character for <c>\b</c>: letters, decimal digits, non-spacing
/// marks and connector punctuation, plus the zero-width joiner and non-joiner. Code that decides in advance where a
/// pattern's <c>\b</c> can hold has to agree with the engine exactly, or it skips matches the pattern would find.
/// </summary>
internal static class RegexWordCharacters
{
    private const int WordCategories =
        (1 << (int)UnicodeCategory.UppercaseLetter) |
        (1 << (int)UnicodeCategory.LowercaseLetter) |
        (1 << (int)UnicodeCategory.TitlecaseLetter) |
        (1 << (int)UnicodeCategory.ModifierLetter) |
        (1 << (int)UnicodeCategory.OtherLetter) |
        (1 << (int)UnicodeCategory.NonSpacingMark) |
        (1 << (int)UnicodeCategory.DecimalDigitNumber) |
        (1 << (int)UnicodeCategory.ConnectorPunctuation);

    public static bool IsBoundaryWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' ||
        (c > '\u007f' && ((WordCategories & (1 << (int)CharUnicodeInfo.GetUnicodeCategory(c))) != 0 || c is '\u200c' or '\u200d'));
}
