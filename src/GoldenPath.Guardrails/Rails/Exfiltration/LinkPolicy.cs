using System.Buffers;

namespace GoldenPath.Guardrails;

/// <summary>Decides whether a URL in an answer may stay.</summary>
internal sealed class LinkPolicy(IEnumerable<string> allowedHosts)
{
    private const int MinEncodedValueLength = 16;

    private static readonly SearchValues<char> s_base64Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-");

    private readonly string[] _allowedHosts =
    [
        .. allowedHosts
            .Where(h => !string.IsNullOrWhiteSpace(h))
            .Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()),
    ];

    /// <summary>
    /// Relative links stay (they resolve to the application itself); absolute links stay only for allowed hosts
    /// and subdomains of them, over http or https, without a long or encoded query value.
    /// </summary>
    public bool IsAllowed(string url, int maxQueryValueLength)
    {
        url = url.Trim();
        if (url.Length == 0 || url.StartsWith('#'))
        {
            return true;
        }

        var candidate = url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri))
        {
            // Not an absolute URI: a relative path stays, anything else with a colon (a scheme) does not.
            return !url.Contains(':', StringComparison.Ordinal) && QueryIsSafe(QueryOf(url), maxQueryValueLength);
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return false;
        }

        // Uri unescapes unreserved characters, which would hide percent-encoded payloads; read the query as written.
        return IsAllowedHost(uri.IdnHost) && QueryIsSafe(QueryOf(url), maxQueryValueLength);
    }

    private bool IsAllowedHost(string host)
    {
        host = host.TrimEnd('.').ToLowerInvariant();
        foreach (var allowed in _allowedHosts)
        {
            if (host == allowed || (host.Length > allowed.Length && host.EndsWith(allowed, StringComparison.Ordinal) && host[^(allowed.Length + 1)] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    private static string QueryOf(string url)
    {
        var index = url.IndexOf('?', StringComparison.Ordinal);
        if (index < 0)
        {
            return string.Empty;
        }

        var fragment = url.IndexOf('#', index);
        return fragment < 0 ? url[index..] : url[index..fragment];
    }

    private static bool QueryIsSafe(string query, int maxQueryValueLength)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var value = separator < 0 ? pair : pair[(separator + 1)..];
            if (value.Length > maxQueryValueLength || LooksEncoded(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Base64 or hex blobs and heavily percent-encoded values are how data is packed into a URL.</summary>
    private static bool LooksEncoded(string value)
    {
        if (value.Count(c => c == '%') >= 3)
        {
            return true;
        }

        return value.Length >= MinEncodedValueLength
            && !value.AsSpan().ContainsAnyExcept(s_base64Alphabet)
            && value.AsSpan().ContainsAnyInRange('0', '9')
            && (value.AsSpan().ContainsAnyInRange('a', 'z') || value.AsSpan().ContainsAnyInRange('A', 'Z'));
    }
}
