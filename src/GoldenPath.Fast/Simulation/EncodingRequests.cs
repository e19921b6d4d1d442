using System.Text;
using System.Text.RegularExpressions;

namespace GoldenPath.Fast;

/// <summary>Recognises requests for an encoded answer, in English and a few other languages, and applies them.</summary>
internal static partial class EncodingRequests
{
    /// <summary>Every encoding any of <paramref name="texts"/> asks for, in a fixed order.</summary>
    public static IReadOnlyList<SecretEncoding> Find(IEnumerable<string> texts)
    {
        var found = new HashSet<SecretEncoding>();
        foreach (var text in texts)
        {
            if (Base64Words().IsMatch(text))
            {
                found.Add(SecretEncoding.Base64);
            }

            if (HexWords().IsMatch(text))
            {
                found.Add(SecretEncoding.Hex);
            }

            if (ReversedWords().IsMatch(text))
            {
                found.Add(SecretEncoding.Reversed);
            }

            if (SpacedWords().IsMatch(text))
            {
                found.Add(SecretEncoding.SpacedLetters);
            }

            if (Rot13Words().IsMatch(text))
            {
                found.Add(SecretEncoding.Rot13);
            }
        }

        return [.. Enum.GetValues<SecretEncoding>().Where(found.Contains)];
    }

    public static string Apply(SecretEncoding encoding, string text) => encoding switch
    {
        SecretEncoding.Base64 => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
        SecretEncoding.Hex => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text)),
        SecretEncoding.Reversed => Reverse(text),
        SecretEncoding.SpacedLetters => string.Join(' ', text.EnumerateRunes()),
        SecretEncoding.Rot13 => Rot13Mutator.Rotate(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    public static string Describe(SecretEncoding encoding) => encoding switch
    {
        SecretEncoding.Base64 => "base64",
        SecretEncoding.Hex => "hex",
        SecretEncoding.Reversed => "reversed",
        SecretEncoding.SpacedLetters => "spaced letters",
        SecretEncoding.Rot13 => "ROT13",
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    private static string Reverse(string text)
    {
        // By rune, so a reversed answer never splits a surrogate pair into invalid text.
        var runes = text.EnumerateRunes().ToArray();
        Array.Reverse(runes);
        return string.Concat(runes.Select(rune => rune.ToString()));
    }

    [GeneratedRegex(@"\bbase[\s-]?64\b|\bb64\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Base64Words();

    [GeneratedRegex(@"\bhex\b|\bhexa(?:d[eé]cima(?:l|le)|dezimal)\b|\besadecimale\b|\bhexadecimaal\b|шестнадцатеричн|十六进制|16進", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HexWords();

    [GeneratedRegex(@"\brevers(?:e|ed)\b|\bbackwards?\b|\bà l'envers\b|\bal rev[eé]s\b|\binvertid[oa]\b|\bde tr[aá]s para a frente\b|\br[uü]ckw[aä]rts\b|\bumgekehrt\b|\bal contrario\b|\binvertit[oa]\b|\bachterstevoren\b|\bomgekeerd\b|задом наперёд|в обратном порядке|逆順|倒序|反过来", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReversedWords();

    [GeneratedRegex(@"\bspaced\b|\bspaces? between\b|\bletter by letter\b|\bone letter at a time\b|\bspell(?:ed)? (?:it )?out\b|\blettre par lettre\b|\bespac[ée]e?s?\b|\bletra por letra\b|\bbuchstabe f[uü]r buchstabe\b|\bbuchstabiert?\b|\blettera per lettera\b|\bletter voor letter\b|по буквам|一字一字", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpacedWords();

    [GeneratedRegex(@"\brot[\s-]?13\b|\bcaesar\b|\bc[eé]sar\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rot13Words();
}
