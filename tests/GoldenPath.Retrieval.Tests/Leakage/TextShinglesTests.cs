namespace GoldenPath.Retrieval.Tests.Leakage;

public sealed class TextShinglesTests
{
    private const string Sentence = "the quarterly numbers stay inside the finance team until the public release";

    [Fact]
    public void Windows_CoverEveryRunOfEightWords()
    {
        var shingled = TextShingles.Of(Sentence);

        Assert.Equal(Sentence.Split(' ').Length, shingled.Words.Count);
        Assert.Equal(shingled.Words.Count - TextShingles.Size + 1, shingled.Hashes.Length);
        Assert.Empty(TextShingles.Of("only seven words are in this text").Hashes);
    }

    [Fact]
    public void Windows_IgnoreCaseWhitespaceAndPunctuation_ButNotWordOrder()
    {
        var plain = TextShingles.Of(Sentence).Hashes;

        Assert.Equal(plain, TextShingles.Of("THE QUARTERLY numbers -- stay\n\tinside (the) finance team; until the: public release!").Hashes);
        Assert.NotEqual(plain, TextShingles.Of("quarterly the numbers stay inside the finance team until the public release").Hashes);
    }

    [Fact]
    public void Windows_FoldCompatibilityFormsAndDecomposedAccents()
    {
        const string Composed = "the caf\u00e9 menu is confidential until the official launch next week";
        const string Decomposed = "the cafe\u0301 menu is confidential until the official launch next week";
        const string Ligature = "the caf\u00e9 menu is con\ufb01dential until the of\ufb01cial launch next week";
        const string FullWidth = "\uff34\uff28\uff25 caf\u00e9 menu is confidential until the official launch next week";

        var expected = TextShingles.Of(Composed).Hashes;

        Assert.Equal(expected, TextShingles.Of(Decomposed).Hashes);
        Assert.Equal(expected, TextShingles.Of(Ligature).Hashes);
        Assert.Equal(expected, TextShingles.Of(FullWidth).Hashes);
    }

    [Fact]
    public void Words_KeepTheirOffsetsInTheOriginalText()
    {
        const string Text = "  \ud835\udc00lpha, beta\u2014gamma ";

        var words = TextShingles.Of(Text).Words;

        Assert.Equal(
            [new WordSpan(2, 8), new WordSpan(10, 14), new WordSpan(15, 20)],
            words);
        Assert.Equal("\ud835\udc00lpha", Text[words[0].Start..words[0].End]);
    }

    [Fact]
    public void Hashes_AreStableAcrossProcessesAndReleases()
    {
        // The PostgreSQL store persists these values: a change to the function silently breaks every stored schema.
        Assert.Equal(8261042946637651924UL, TextShingles.Of(Sentence).Hashes[0]);
    }
}
