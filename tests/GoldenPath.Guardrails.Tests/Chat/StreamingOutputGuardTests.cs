namespace GoldenPath.Guardrails.Tests;

public sealed class StreamingOutputGuardTests
{
    private static readonly GuardrailEngine s_engine = new(GuardrailPolicy.Default, new GuardrailOptions { Canary = "GP-CANARY-7f3a9c2e", AllowedLinkHosts = ["contoso.com"] });

    [Fact]
    public void A_sentence_end_split_from_its_space_is_still_a_boundary()
    {
        // The first sentence ends past the first segment's 48 characters, and the chunk ends right after its period.
        const string First = "This opening sentence is long enough to be released alone.";
        var guard = new StreamingOutputGuard(s_engine);

        Assert.Equal(string.Empty, guard.Append(First));
        Assert.Equal(First + " ", guard.Append(" Then"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(300)]
    public void Segments_end_where_the_documented_rule_says_however_the_text_is_chunked(int chunkSize)
    {
        var text = string.Concat(Enumerable.Range(1, 120).Select(i =>
            i % 7 == 0 ? $"See [the note {i}: here. ok](https://contoso.com/a.b? x) now!\n" : $"Step {i} is done: next;\tok? yes. "));

        Assert.Equal(Expected(text, chunkSize), Releases(text, chunkSize));
    }

    [Fact]
    public void Text_without_a_boundary_is_cut_after_its_last_whitespace()
    {
        // Words without sentence punctuation: nothing is released until more than 4,096 characters are held.
        var words = string.Concat(Enumerable.Range(0, 1000).Select(i => $"word{i % 10} "));
        var guard = new StreamingOutputGuard(s_engine);
        var released = new List<string>();
        foreach (var chunk in Chunk(words, 100))
        {
            if (guard.Append(chunk) is { Length: > 0 } text)
            {
                released.Add(text);
            }
        }

        // The cut comes with the chunk that takes the held text past 4,096 characters: 4,100 held.
        var held = words[..4100];
        Assert.Equal(held[..(held.LastIndexOf(' ') + 1)], Assert.Single(released));
    }

    [Fact]
    public void The_verdict_keeps_the_text_sent_before_a_later_redaction()
    {
        // Long enough for several segments, so the held text has let go of everything before the e-mail address.
        var clean = string.Concat(Enumerable.Range(1, 60).Select(i => $"Sentence {i} says nothing private at all. "));
        var text = clean + "Write to jane@example.com for details. " + "A closing remark follows here. ";
        var guard = new StreamingOutputGuard(s_engine);
        var sent = new List<string>();
        foreach (var chunk in Chunk(text, 16))
        {
            sent.Add(guard.Append(chunk));
        }

        sent.Add(guard.Complete());

        var verdict = guard.Verdict;
        Assert.Equal(RailAction.Redact, verdict.Action);
        Assert.Equal(string.Concat(sent), verdict.Text);
        Assert.StartsWith(clean, verdict.Text, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:EMAIL]", verdict.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", verdict.Text, StringComparison.Ordinal);
        var span = Assert.Single(verdict.Findings).Evidence[0];
        Assert.Equal("jane@example.com", text.Substring(span.Start, span.Length));
    }

    private static List<string> Releases(string text, int chunkSize)
    {
        var guard = new StreamingOutputGuard(s_engine);
        var released = new List<string>();
        foreach (var chunk in Chunk(text, chunkSize))
        {
            if (guard.Append(chunk) is { Length: > 0 } segment)
            {
                released.Add(segment);
            }
        }

        if (guard.Complete() is { Length: > 0 } rest)
        {
            released.Add(rest);
        }

        return released;
    }

    /// <summary>
    /// The segmenting rule written out plainly: a boundary follows a line break, or a space or tab after sentence
    /// punctuation, outside markdown brackets and parentheses; after each chunk, the held text up to the last
    /// boundary is released once it is at least three times as long as what was released (from 48 up to 1,024
    /// characters).
    /// </summary>
    private static List<string> Expected(string text, int chunkSize)
    {
        var boundaries = new List<int>();
        var (brackets, parentheses) = (0, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            brackets += c == '[' ? 1 : c == ']' && brackets > 0 ? -1 : 0;
            parentheses += c == '(' ? 1 : c == ')' && parentheses > 0 ? -1 : 0;
            var boundary = c == '\n' || (c is ' ' or '\t' && i > 0 && ".!?:;".Contains(text[i - 1], StringComparison.Ordinal));
            if (boundary && brackets == 0 && parentheses == 0)
            {
                boundaries.Add(i + 1);
            }
        }

        var released = new List<string>();
        var evaluated = 0;
        for (var length = Math.Min(chunkSize, text.Length); ; length = Math.Min(length + chunkSize, text.Length))
        {
            var last = boundaries.LastOrDefault(b => b <= length, -1);
            if (last - evaluated >= Math.Clamp(3 * evaluated, StreamingOutputGuard.FirstSegmentCharacters, StreamingOutputGuard.MaxSegmentCharacters))
            {
                released.Add(text[evaluated..last]);
                evaluated = last;
            }

            if (length == text.Length)
            {
                break;
            }
        }

        if (evaluated < text.Length)
        {
            released.Add(text[evaluated..]);
        }

        return released;
    }

    private static IEnumerable<string> Chunk(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
