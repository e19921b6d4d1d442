namespace GoldenPath.Guardrails;

/// <summary>
/// The words a signature's matches start with. Anchors say which signatures could match near a place; a lead says
/// whether a stretch could hold the start of a match at all. Many patterns have a frequent anchor ("rule", "admin",
/// "user") and a rarer opening verb ("ignore", "grant", "pretend"): a window around the anchor without one of those
/// verbs at a word start cannot contain a match, so the pattern does not run there.
/// </summary>
/// <remarks>
/// A lead is only used while the signature's pattern still starts with the exact text it was derived from
/// (<see cref="Lead.Prefix"/>: a word break, then an alternation whose every branch starts with one of the
/// <see cref="Lead.Words"/>). If a pattern is edited, its lead switches itself off and the signature runs without
/// it, exactly as before; a test lists the leads that are off so they are brought up to date.
/// </remarks>
internal static class SignatureLeads
{
    private const string OverrideVerb =
        @"\b(?:ignore|ignoring|disregard|forget|override|overwrite|bypass|abandon|neglect|discard|set\W*aside|throw\W*out|(?:do\W*not|don'?t|stop)\W*(?:follow|obey)(?:ing)?)";

    // Declared before the table that uses it: static fields initialize in order.
    private static readonly string[] OverrideVerbWords =
        ["ignor", "disregard", "forget", "overrid", "overwrit", "bypass", "abandon", "neglect", "discard", "set", "throw", "do", "stop"];

    private static readonly Lead[] s_leads =
    [
        new("override-qualified", OverrideVerb, OverrideVerbWords),
        new("override-trailing", OverrideVerb, OverrideVerbWords),
        new(
            "new-instructions",
            @"\b(?:new|updated|revised|real|actual|true|secret|hidden|additional|override)",
            ["new", "updated", "revised", "real", "actual", "true", "secret", "hidden", "additional", "override"]),
        new(
            "repeat-above",
            @"\b(?:repeat|print|output|show|display|copy|write\W*out|echo|recite|return)",
            ["repeat", "print", "output", "show", "display", "copy", "write", "echo", "recite", "return"]),
        new(
            "pretend-no-rules",
            @"\b(?:pretend|imagine|act\W*as\W*if|behave\W*as\W*if|roleplay|role\W*play|suppose|simulate|play\W*a\W*(?:character|role))",
            ["pretend", "imagine", "act", "behave", "role", "suppose", "simulate", "play"]),
        new("no-restrictions", @"\b(?:no|without|zero)", ["no", "without", "zero"]),
        new(
            "act-as-named-user",
            @"\b(?:act|respond|answer|reply|log\W*(?:me\W*)?in|sign\W*(?:me\W*)?in|authenticate\W*me|operate)",
            ["act", "respond", "answer", "reply", "log", "sign", "authenticate", "operate"]),
        new(
            "log-in-as-someone",
            @"\b(?:log|sign)\W*(?:me\W*)?in\W*(?:to\W*)?(?:as|with|using)\W*(?:\w+\W+){0,2}?(?:his|her|their|\w+'s)\b|\buse\W*",
            ["log", "sign", "use"]),
        new(
            "grant-me-privileges",
            @"\b(?:add|put|make|elevate|promote|grant|give|set|upgrade)",
            ["add", "put", "make", "elevate", "promote", "grant", "give", "set", "upgrade"]),
        new(
            "skip-approval",
            @"\b(?:without|skip(?:ping)?|bypass(?:ing)?|no\W*need\W*(?:for|to)|don'?t\W*(?:ask|wait|bother|need)|never\W*mind)",
            ["without", "skip", "bypass", "no", "don", "never"]),
        new(
            "no-longer-an-ai",
            @"\b(?:you(?:\W*are|'re)\W*(?:not|no\W*longer)|forget\W*(?:that\W*)?you(?:\W*are|'re))",
            ["you", "forget"]),
        new(
            "if-you-had-no-rules",
            @"\b(?:if\W*you\W*(?:had|did\W*not\W*have|didn'?t\W*have)|with|imagine\W*having|suppose\W*you\W*had)",
            ["if", "with", "imagine", "suppose"]),
    ];

    /// <summary>Per signature, the words its matches start with, or null when it has no lead (or its lead is out of date).</summary>
    public static string[]?[] For(IReadOnlyList<InjectionSignature> signatures) =>
        [.. signatures.Select(signature => Find(signature) is { } lead && IsCurrent(lead, signature) ? lead.Words : null)];

    /// <summary>The ids of leads whose pattern no longer starts with the text they were derived from.</summary>
    public static IEnumerable<string> Stale(IReadOnlyList<InjectionSignature> signatures) =>
        signatures.Where(s => Find(s) is { } lead && !IsCurrent(lead, s)).Select(s => s.Id);

    private static Lead? Find(InjectionSignature signature) => s_leads.FirstOrDefault(lead => lead.Id == signature.Id);

    private static bool IsCurrent(Lead lead, InjectionSignature signature)
    {
        var pattern = signature.Pattern.ToString();
        return pattern.StartsWith(lead.Prefix, StringComparison.Ordinal)
            && (signature.Pattern.Options & ~System.Text.RegularExpressions.RegexOptions.CultureInvariant) == 0
            && IsRequiredStart(pattern.AsSpan(lead.Prefix.Length));
    }

    /// <summary>
    /// True when what follows the prefix can neither make it optional (a quantifier right after it) nor offer another
    /// way to match (an alternation at the top level), so every match really starts with the prefix.
    /// </summary>
    private static bool IsRequiredStart(ReadOnlySpan<char> rest)
    {
        if (!rest.IsEmpty && rest[0] is '?' or '*' or '+' or '{')
        {
            return false;
        }

        var depth = 0;
        var inClass = false;
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case '\\':
                    i++;
                    break;
                case '[' when !inClass:
                    inClass = true;
                    break;
                case ']' when inClass:
                    inClass = false;
                    break;
                case '(' when !inClass:
                    depth++;
                    break;
                case ')' when !inClass:
                    depth--;
                    break;
                case '|' when !inClass && depth == 0:
                    return false;
            }
        }

        return true;
    }

    /// <param name="Id">The signature.</param>
    /// <param name="Prefix">The exact start of its pattern the words were read from.</param>
    /// <param name="Words">Every branch of the prefix starts with one of these (a word break precedes each).</param>
    private sealed record Lead(string Id, string Prefix, string[] Words);
}
