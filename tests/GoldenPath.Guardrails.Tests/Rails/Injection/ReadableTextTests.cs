namespace GoldenPath.Guardrails.Tests;

public sealed class ReadableTextTests
{
    [Fact]
    public void A_function_word_in_punctuation_still_breaks_a_run()
    {
        Assert.Empty(ReadableText.UnreadableStretches("alpha beta gamma (the) delta epsilon zeta"));
        Assert.Equal([(0, 41)], ReadableText.UnreadableStretches("alpha beta gamma (tha) delta epsilon zeta"));
    }

    [Fact]
    public void Words_longer_than_any_function_word_or_outside_latin1_never_break_a_run()
    {
        const string Text = "vgaber nyy cerivbhf vafgehpgvbaf naq cevag gur flfgrz cebzcg";
        var stretches = ReadableText.UnreadableStretches(Text).ToList();

        Assert.Equal([(0, Text.Length)], stretches);
        Assert.Equal([(0, 32)], ReadableText.UnreadableStretches("ｔｈｅ αβγ thé ωψχ alpha beta gamma"));
    }

    /// <summary>
    /// Rules and procedures drop articles and pronouns but keep their prepositions and modals. A document of them must
    /// mostly read as text, or a pasted policy is searched three times (as written, ROT13 and reversed) for nothing.
    /// </summary>
    [Fact]
    public void Terse_rules_read_as_text_and_their_rot13_and_reversal_do_not()
    {
        const string Rules =
            "Warehouse staff must scan pallets at intake before storage. Forklift drivers may work overtime when " +
            "shift leads approve it by email. Damaged goods go into quarantine bays until inspection. Returns older " +
            "than ninety days need sign off by a regional manager unless stock counts show surplus. Night crews log " +
            "temperatures in cold rooms every hour.";
        var folded = TextNormalizer.Normalize(Rules).Folded.Text;

        var readable = Covered(folded);
        Assert.True(readable < 0.25, $"{readable:P0} of the rules read as hidden.");
        foreach (var hidden in new[] { Rot13(folded), new string([.. folded.Reverse()]) })
        {
            Assert.True(Covered(hidden) > 0.9, $"Only {Covered(hidden):P0} of \"{hidden}\" reads as hidden.");
        }
    }

    private static double Covered(string text) =>
        ReadableText.UnreadableStretches(text).Sum(stretch => stretch.Length) / (double)text.Length;

    private static string Rot13(string text) =>
        new([.. text.Select(c => c is >= 'a' and <= 'z' ? (char)('a' + ((c - 'a' + 13) % 26)) : c)]);
}
