using System.Text;

namespace GoldenPath.Retrieval;

/// <summary>
/// Reproducible documents and questions for measuring the store: pseudo-words from a seeded generator, ten chunks per
/// document, and one ACL group per document so a caller in one group may read <c>selectivity</c> of the chunks.
/// </summary>
internal sealed class SyntheticCorpus
{
    internal const int ChunksPerDocument = 10;
    private const int WordsPerChunk = 40;
    private const int VocabularySize = 4000;

    private readonly Random _random;
    private readonly string[] _vocabulary;

    internal SyntheticCorpus(int chunks, double selectivity, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, ChunksPerDocument);
        if (selectivity is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(selectivity), selectivity, "Selectivity is the share of chunks one caller may read, greater than 0 and at most 1 (0.01 for 1%).");
        }

        _random = new Random(seed);
        _vocabulary = [.. Enumerable.Range(0, VocabularySize).Select(_ => Word())];
        Groups = Math.Max(1, (int)Math.Round(1 / selectivity));
        Documents = [.. Enumerable.Range(0, (chunks + ChunksPerDocument - 1) / ChunksPerDocument).Select(Document)];
    }

    /// <summary>Number of ACL groups; document <c>i</c> is readable by <c>group:g{i % Groups}</c> only.</summary>
    internal int Groups { get; }

    internal IReadOnlyList<AclDocument> Documents { get; }

    internal static string Group(int index) => $"group:g{index}";

    /// <summary>Five words drawn from the same vocabulary as the documents, so keyword and vector legs both have matches.</summary>
    internal string Question()
    {
        var words = Enumerable.Range(0, 5).Select(_ => _vocabulary[_random.Next(_vocabulary.Length)]);
        return string.Join(' ', words);
    }

    internal int NextGroup() => _random.Next(Groups);

    private AclDocument Document(int index)
    {
        var content = new StringBuilder();
        for (var section = 0; section < ChunksPerDocument; section++)
        {
            content.Append("# Part ").Append(section).Append('\n');
            for (var w = 0; w < WordsPerChunk; w++)
            {
                content.Append(_vocabulary[_random.Next(_vocabulary.Length)]).Append(w + 1 < WordsPerChunk ? ' ' : '\n');
            }

            content.Append('\n');
        }

        var text = content.ToString().Trim();
        return new AclDocument($"doc-{index:D6}", $"Document {index}", text, [Group(index % Groups)], $"synthetic/{index}.md", "internal", string.Empty);
    }

    private string Word()
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var length = _random.Next(2, 5);
        var word = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            word.Append(consonants[_random.Next(consonants.Length)]).Append(vowels[_random.Next(vowels.Length)]);
        }

        return word.ToString();
    }
}
