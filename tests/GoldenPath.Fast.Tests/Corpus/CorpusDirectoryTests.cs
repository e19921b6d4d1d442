namespace GoldenPath.Fast.Tests.Corpus;

public sealed class CorpusDirectoryTests : IDisposable
{
    private const string Line = """{"id": "ID", "technique": "t", "category": "LLM01", "severity": "high", "prompt": "p", "expected": "deflect"}""";

    private readonly string root = Directory.CreateTempSubdirectory("fast-corpus-").FullName;

    [Fact]
    public void Project_cases_are_added_to_the_platform_corpus()
    {
        var cases = Path.Combine(root, "cases");
        Directory.CreateDirectory(cases);
        File.WriteAllText(Path.Combine(cases, "b.jsonl"), Line.Replace("ID", "project-b", StringComparison.Ordinal) + "\n");
        File.WriteAllText(Path.Combine(cases, "a.jsonl"), "# project\n" + Line.Replace("ID", "project-a", StringComparison.Ordinal) + "\n");
        File.WriteAllText(Path.Combine(cases, "notes.txt"), "not a case file");

        var merged = AttackCorpus.LoadDirectory(cases);

        Assert.Equal(AttackCorpus.LoadEmbedded().Count + 2, merged.Count);
        Assert.Equal(["project-a", "project-b"], merged.TakeLast(2).Select(c => c.Id));
    }

    [Fact]
    public void An_id_used_in_two_files_names_both_files_and_lines()
    {
        var platform = Path.Combine(root, "platform.jsonl");
        File.WriteAllText(platform, "# platform\n\n" + Line.Replace("ID", "shared-id", StringComparison.Ordinal) + "\n");
        var cases = Path.Combine(root, "cases");
        Directory.CreateDirectory(cases);
        var project = Path.Combine(cases, "project.jsonl");
        File.WriteAllText(project, Line.Replace("ID", "other", StringComparison.Ordinal) + "\n" + Line.Replace("ID", "shared-id", StringComparison.Ordinal) + "\n");

        var ex = Assert.Throws<CorpusException>(() => AttackCorpus.LoadDirectory(cases, platform));

        Assert.Equal(project, ex.Source);
        Assert.Equal(2, ex.Line);
        Assert.Contains($"already defined in {platform}(3)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: rename one of the two cases", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_case_reusing_an_embedded_id_is_rejected()
    {
        var embeddedId = AttackCorpus.LoadEmbedded()[0].Id;
        File.WriteAllText(Path.Combine(root, "mine.jsonl"), Line.Replace("ID", embeddedId, StringComparison.Ordinal) + "\n");

        var ex = Assert.Throws<CorpusException>(() => AttackCorpus.LoadDirectory(root));

        Assert.Contains("already defined in baseline.jsonl(", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_directory_is_a_corpus_error()
    {
        var ex = Assert.Throws<CorpusException>(() => AttackCorpus.LoadDirectory(Path.Combine(root, "nope")));

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
