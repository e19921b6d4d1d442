namespace GoldenPath.Retrieval.Tests.Indexing;

public sealed class MarkdownChunkerTests
{
    [Fact]
    public void Split_StartsAChunkAtEachHeadingAndRecordsTheHeadingPath()
    {
        var chunks = MarkdownChunker.Split("""
            Intro paragraph.

            # Leave
            General leave rules.

            ## Parental leave
            Sixteen weeks.

            ## Sick leave
            Report by nine.

            # Expenses
            Keep receipts.
            """);

        Assert.Equal(
            [("", "Intro paragraph."), ("Leave", "General leave rules."), ("Leave > Parental leave", "Sixteen weeks."), ("Leave > Sick leave", "Report by nine."), ("Expenses", "Keep receipts.")],
            chunks.Select(c => (c.HeadingPath, c.Text)));
        Assert.Equal([0, 1, 2, 3, 4], chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public void Split_PacksParagraphsUnderOneHeadingUpToTheWordLimit()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("word", 50));
        var chunks = MarkdownChunker.Split($"{paragraph}\n\n{paragraph}\n\n{paragraph}");

        Assert.Equal(2, chunks.Count);
        Assert.Equal($"{paragraph}\n\n{paragraph}", chunks[0].Text);
        Assert.Equal(paragraph, chunks[1].Text);
    }

    [Fact]
    public void Split_CutsAnOverlongParagraphIntoWindowsOfAtMostTheLimit()
    {
        var words = Enumerable.Range(0, 300).Select(i => $"w{i}").ToArray();

        var chunks = MarkdownChunker.Split(string.Join(' ', words));

        Assert.Equal([120, 120, 60], chunks.Select(c => c.Text.Split(' ').Length));
        Assert.Equal(words, chunks.SelectMany(c => c.Text.Split(' ')));
    }

    [Fact]
    public void Split_DoesNotTreatHashLinesInCodeFencesAsHeadings()
    {
        var chunks = MarkdownChunker.Split("# Setup\n```bash\n# install\n\nrun it\n```");

        var chunk = Assert.Single(chunks);
        Assert.Equal("Setup", chunk.HeadingPath);
        Assert.Contains("# install", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_RequiresASpaceAfterTheHashes()
    {
        var chunk = Assert.Single(MarkdownChunker.Split("#hashtag is text"));

        Assert.Equal("", chunk.HeadingPath);
    }
}
