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
}
