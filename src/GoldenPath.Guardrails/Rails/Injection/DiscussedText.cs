using System.Text.RegularExpressions;

namespace GoldenPath.Guardrails;

/// <summary>
/// Tells a question about an attack from the attack. "How do we test that our bot doesn't reveal its system prompt?"
/// and "Is 'pretend you have no rules' still a real risk?" carry an attack's words in a defender's sentence: one that
/// asks how to test, stop, detect or report it, whether it is a risk, or what a token means. A signature match in
/// such a sentence counts for as little as a quoted one (<see cref="QuotedText.Weight"/>), so it flags on its own and
/// still blocks with other cues. Only the sentence that holds the match is read, so a defender's question cannot
/// cover an instruction that follows it.
/// </summary>
internal static partial class DiscussedText
{
    /// <summary>How far a sentence is followed either side of a match; beyond that it is not one sentence anyway.</summary>
    private const int Reach = 240;

    public static bool IsDiscussed(string text, int start, int length)
    {
        var from = start;
        var floor = Math.Max(0, start - Reach);
        while (from > floor && !IsSentenceEnd(text[from - 1]))
        {
            from--;
        }

        var to = start + length;
        var ceiling = Math.Min(text.Length, to + Reach);
        while (to < ceiling && !IsSentenceEnd(text[to]))
        {
            to++;
        }

        return DefenderQuestion().IsMatch(text.AsSpan(from, to - from));
    }

    private static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '\n' or '。' or '！' or '？';

    // The sentence must open (after at most three words such as "so" or "hi team") with a defender's question, in
    // English or one of the other supported languages. The views are lower case, and the folded one has no accents.
    [GeneratedRegex(
        @"^\W*(?:\w+\W+){0,3}?(?:" +
        @"how\W+(?:do|can|should|would|could)\W+(?:we|i|you|teams?|companies|one)\W+(?:\w+\W+){0,2}?(?:test|stop|prevent|detect|tell|protect|defend|block|handle|spot|know|report|train|recogni[sz]e|check|make\W+sure)" +
        @"|is\W+(?:\w+\W+){0,12}?(?:still\W+)?(?:a\W+)?(?:real\W+|serious\W+|known\W+)?(?:risk|threat|attack\W+pattern)\b" +
        @"|is\W+(?:that|this|it)\W+something\W+(?:\w+\W+){0,3}?(?:should|needs?)" +
        @"|what\W+(?:does|do)\W+(?:\w+\W+){0,8}?mean\b" +
        @"|why\W+(?:is|are|do|does)\W+(?:\w+\W+){0,10}?(?:considered|flagged|blocked|dangerous|risky)" +
        @"|can\W+you\W+explain\W+(?:why|how|what)" +
        @"|what'?s\W+a\W+(?:safe|secure)\W+(?:design|way)" +
        @"|should\W+(?:i|we)\W+report" +
        @"|(?:est\W+il\W+vrai|es\W+(?:cierto|verdad)|[ée]\W+verdade|[èe]\W+vero|stimmt\W+es|klopt\W+het|is\W+het\W+waar)\b" +
        @"|(?:comment|c[oó]mo|come|wie|hoe)\W+(?:\w+\W+){0,2}?(?:prot[eé]g|proteg|prote[gj]|sch[uü]tz|bescherm|erkenn|d[eé]tect|detect|rilev|herken)" +
        @")",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DefenderQuestion();
}
