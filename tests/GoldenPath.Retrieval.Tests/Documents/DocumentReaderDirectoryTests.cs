namespace GoldenPath.Retrieval.Tests.Documents;

public sealed class DocumentReaderDirectoryTests
{
    private static string Markdown(string id, string acl = "[group:employees]") =>
        $"---\nid: {id}\ntitle: {id} title\nacl: {acl}\n---\nBody of {id}.\n";

    [Fact]
    public void ReadDirectory_AcceptsGoodFilesInOrdinalPathOrderAndReportsBadOnes()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("b.md", Markdown("bravo"));
        directory.Write("A.txt", Markdown("alpha"));
        directory.Write("nested/deeper/c.markdown", Markdown("charlie"));
        directory.Write("nested/d.json", """{"id":"delta","title":"D","acl":["role:ops"],"content":"Runbook."}""");
        directory.Write("nested/no-acl.md", "---\nid: secret\ntitle: Secret\n---\nNo ACL here.\n");
        directory.Write("notes.yaml", "id: ignored");
        directory.Write("image.png", "not a document");

        var report = DocumentReader.ReadDirectory(directory.Path);

        Assert.Equal(["alpha", "bravo", "delta", "charlie"], report.Accepted.Select(d => d.Id));
        Assert.Equal(["A.txt", "b.md", "nested/d.json", "nested/deeper/c.markdown"], report.Accepted.Select(d => d.Source));
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal("nested/no-acl.md", rejected.Source);
        Assert.Equal(1, rejected.Line);
        Assert.Contains("deny-by-default", rejected.Reason, StringComparison.Ordinal);
        Assert.StartsWith("nested/no-acl.md:1: ", rejected.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDirectory_RejectsTheLaterFileWithADuplicateId()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("a/first.md", Markdown("shared"));
        directory.Write("b/second.md", "---\ntitle: Second\nid: shared\nacl: [group:x]\n---\nOther body.\n");

        var report = DocumentReader.ReadDirectory(directory.Path);

        Assert.Equal("a/first.md", Assert.Single(report.Accepted).Source);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal("b/second.md", rejected.Source);
        Assert.Equal(3, rejected.Line);
        Assert.Contains("duplicate id 'shared', already used by a/first.md", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDirectory_ReportsEveryBadFileWithoutThrowing()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("1.md", Markdown("one", "[]"));
        directory.Write("2.md", Markdown("two", "[everyone]"));
        directory.Write("3.json", "{ broken");
        directory.Write("4.md", Markdown("four"));

        var report = DocumentReader.ReadDirectory(directory.Path);

        Assert.Equal("four", Assert.Single(report.Accepted).Id);
        Assert.Equal(["1.md", "2.md", "3.json"], report.Rejected.Select(r => r.Source));
        Assert.All(report.Rejected, r => Assert.NotNull(r.Line));
    }

    [Fact]
    public void ReadDirectory_EmptyDirectoryYieldsEmptyReport()
    {
        using var directory = new TemporaryDirectory();

        var report = DocumentReader.ReadDirectory(directory.Path);

        Assert.Empty(report.Accepted);
        Assert.Empty(report.Rejected);
    }

    [Fact]
    public void ReadDirectory_MissingDirectoryThrowsNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "goldenpath-missing-" + Guid.NewGuid().ToString("N"));

        var ex = Assert.Throws<DirectoryNotFoundException>(() => DocumentReader.ReadDirectory(missing));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }
}
