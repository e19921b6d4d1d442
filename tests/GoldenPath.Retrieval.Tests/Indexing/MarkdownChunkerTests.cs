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
    public void Split_PacksParagraphsUnderOneHeadingUpToTheTokenLimit()
    {
        // " word" is one o200k token, so each paragraph is 90 tokens and only two fit in 200.
        var paragraph = string.Join(' ', Enumerable.Repeat("word", 90));
        var chunks = MarkdownChunker.Split($"{paragraph}\n\n{paragraph}\n\n{paragraph}");

        Assert.Equal(2, chunks.Count);
        Assert.Equal($"{paragraph}\n\n{paragraph}", chunks[0].Text);
        Assert.Equal(paragraph, chunks[1].Text);
        Assert.All(chunks, chunk => Assert.InRange(ChunkTokens.Count(chunk.Text), 1, MarkdownChunker.MaxTokens));
    }

    [Fact]
    public void Split_CutsAnOverlongParagraphIntoOverlappingWindowsOfAtMostTheLimit()
    {
        var words = Enumerable.Range(0, 300).Select(i => $"w{i}").ToArray();

        var chunks = MarkdownChunker.Split(string.Join(' ', words));

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, chunk => Assert.InRange(ChunkTokens.Count(chunk.Text), MarkdownChunker.OverlapTokens, MarkdownChunker.MaxTokens));
        for (var i = 1; i < chunks.Count; i++)
        {
            // The next window starts inside the previous one, so nothing at a cut is lost.
            var firstWord = chunks[i].Text.Split(' ')[0];
            Assert.Contains(firstWord, chunks[i - 1].Text.Split(' '));
        }

        Assert.Equal(words, chunks.SelectMany(c => c.Text.Split(' ')).Distinct());
        Assert.Equal("w299", chunks[^1].Text.Split(' ')[^1]);
    }

    [Fact]
    public void Split_CarriesTheHeadingPathIntoEveryWindowOfALongSection()
    {
        var body = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"item{i}"));

        var chunks = MarkdownChunker.Split($"# Policy\n## Details\n{body}");

        Assert.True(chunks.Count > 2);
        Assert.All(chunks, chunk => Assert.Equal("Policy > Details", chunk.HeadingPath));

        // "item123" is several tokens; cuts fall between words, never inside one.
        var words = body.Split(' ').ToHashSet(StringComparer.Ordinal);
        Assert.All(chunks.SelectMany(chunk => chunk.Text.Split(' ')), word => Assert.Contains(word, words));
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
