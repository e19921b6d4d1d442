using System.Text.Json;
using GoldenPath.Cli.Tests.Support;

namespace GoldenPath.Cli.Tests.Commands;

public sealed class RetrievalCommandsTests
{
    private static TempDirectory Documents()
    {
        var temp = new TempDirectory();
        temp.Write("handbook.md", """
            ---
            id: handbook
            title: Employee handbook
            acl: [group:employees]
            ---
            Parental leave is sixteen weeks. Salary reviews happen every April.
            """);
        temp.Write("hr/salary-bands.md", """
            ---
            id: salary-bands
            title: Salary bands
            acl: [group:hr]
            ---
            Salary bands: grade 7 pays between 142000 and 168000 per year.
            """);
        return temp;
    }

    [Fact]
    public async Task Ingest_reports_a_document_without_acl_with_file_and_line()
    {
        using var temp = Documents();
        temp.Write("notes.md", "Just some notes without front matter.\n");

        var result = await CliRunner.RunAsync("retrieval", "ingest", "--docs", temp.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("accepted: 2", result.Out, StringComparison.Ordinal);
        Assert.Contains("rejected: 1", result.Out, StringComparison.Ordinal);
        Assert.Contains("notes.md(1):", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_a_clean_folder_succeeds()
    {
        using var temp = Documents();

        var result = await CliRunner.RunAsync("retrieval", "ingest", "--docs", temp.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("rejected: 0", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_never_returns_a_restricted_document_to_an_outsider()
    {
        using var temp = Documents();

        var outsider = await CliRunner.RunAsync("retrieval", "query", "--docs", temp.Path, "--principals", "user:bob,group:employees", "--query", "salary bands grade 7");
        var insider = await CliRunner.RunAsync("retrieval", "query", "--docs", temp.Path, "--principals", "user:carol,group:hr", "--query", "salary bands grade 7", "--top", "2");

        Assert.Equal(0, outsider.ExitCode);
        Assert.DoesNotContain(Ids(outsider.Out), id => id == "salary-bands");
        Assert.Equal(0, insider.ExitCode);
        Assert.Contains("salary-bands", Ids(insider.Out));
    }

    [Fact]
    public async Task Query_with_a_malformed_principal_is_a_clear_error()
    {
        using var temp = Documents();

        var result = await CliRunner.RunAsync("retrieval", "query", "--docs", temp.Path, "--principals", "alice", "--query", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--principals", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_folder_is_a_clear_error()
    {
        var result = await CliRunner.RunAsync("retrieval", "ingest", "--docs", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    private static string[] Ids(string jsonLines) =>
        [.. jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.GetProperty("id").GetString()!;
        })];
}
