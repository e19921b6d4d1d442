namespace GoldenPath.Guardrails.Training.Tests;

public sealed class CorpusReaderTests : IDisposable
{
    private const string Valid =
        """{"id":"t-1","text":"hello","label":"benign","category":"benign-general","lang":"en","family":"f1","split":"train"}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("corpus-").FullName;

    [Theory]
    [InlineData("""{"id":"t-2","text":"x","label":"evil","category":"override","lang":"en","family":"f2","split":"train"}""", "label \"evil\"")]
    [InlineData("""{"id":"t-2","text":"x","label":"attack","category":"benign-code","lang":"en","family":"f2","split":"train"}""", "category \"benign-code\"")]
    [InlineData("""{"id":"t-2","text":"x","label":"attack","category":"override","lang":"en","family":"f2","split":"test"}""", "split \"test\"")]
    [InlineData("""{"id":"t-2","text":"x","label":"attack","category":"override","family":"f2","split":"train"}""", "missing \"lang\"")]
    [InlineData("""{"id":"t-2","text":"x","label":"attack",""", "not valid JSON")]
    [InlineData("""{"id":"t-1","text":"x","label":"attack","category":"override","lang":"en","family":"f2","split":"train"}""", "already used")]
    [InlineData("""{"id":"t-2","text":"x","label":"benign","category":"benign-general","lang":"en","family":"f1","split":"heldout"}""", "both splits")]
    public void Broken_line_is_reported_with_file_line_and_fix(string line, string reason)
    {
        var file = Path.Combine(_directory, "en-test.jsonl");
        File.WriteAllLines(file, ["# comment", Valid, string.Empty, line]);

        var error = Assert.Throws<CorpusException>(() => CorpusReader.Read(_directory));

        var message = Assert.Single(error.Errors);
        Assert.StartsWith($"{file}(4): ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.Contains("Fix:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_exits_with_2_and_prints_the_location_and_writes_no_model()
    {
        File.WriteAllLines(Path.Combine(_directory, "en-test.jsonl"), [Valid, "not json"]);
        var model = Path.Combine(_directory, "model.bin");
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = Program.Run(["--corpus", _directory, "--output", model], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("en-test.jsonl(2): not valid JSON", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void Reads_every_jsonl_file_and_skips_comments_and_blank_lines()
    {
        File.WriteAllLines(Path.Combine(_directory, "en-a.jsonl"), ["# header", Valid, string.Empty]);
        File.WriteAllLines(Path.Combine(_directory, "ml-b.jsonl"), [Valid.Replace("t-1", "t-9", StringComparison.Ordinal)]);
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "not part of the corpus");

        var entries = CorpusReader.Read(_directory);

        Assert.Equal(["t-1", "t-9"], entries.Select(e => e.Id));
        Assert.Equal(2, entries[0].Line);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
