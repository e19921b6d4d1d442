namespace GoldenPath.Fast.Tests.Corpus;

public sealed class ExpandedCorpusTests
{
    private static readonly string[] RequiredCategories = ["LLM01", "LLM02", "LLM05", "LLM06", "LLM07", "LLM08", "LLM10"];

    [Fact]
    public void Embedded_corpus_has_enough_seeds_per_required_category()
    {
        var cases = AttackCorpus.LoadEmbedded();

        Assert.True(cases.Count >= 200, $"{cases.Count} seed cases");
        foreach (var category in RequiredCategories)
        {
            var count = cases.Count(c => c.Category == category);
            Assert.True(count >= 15, $"{category} has {count} cases");
        }

        Assert.True(cases.Count(c => c.Turns.Count > 1) >= 20);
        Assert.Contains(cases, c => c.Documents.Any(d => d.Text.Contains("{{canary:", StringComparison.Ordinal)));
        Assert.Matches(@"^\d{4}\.\d{2}\.\d{2}$", AttackCorpus.EmbeddedVersion);
    }

    [Fact]
    public void Default_expansion_gives_at_least_1500_unique_cases()
    {
        var expanded = AttackCorpus.Expand(AttackCorpus.LoadEmbedded(), new MutationOptions());

        Assert.True(expanded.Count >= 1500, $"{expanded.Count} cases");
        Assert.Equal(expanded.Count, expanded.Select(c => c.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(AttackMutators.Names.Order(), expanded.Where(c => c.Mutator is not null).Select(c => c.Mutator!).Distinct().Order());
    }

    [Fact]
    public void Same_seed_gives_the_same_corpus_and_another_seed_differs()
    {
        var seeds = AttackCorpus.LoadEmbedded();

        var first = Snapshot(AttackCorpus.Expand(seeds, new MutationOptions { Seed = 7 }));
        var again = Snapshot(AttackCorpus.Expand(seeds, new MutationOptions { Seed = 7 }));
        var other = Snapshot(AttackCorpus.Expand(seeds, new MutationOptions { Seed = 8 }));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Variants_keep_the_seed_verdict_fields_and_record_the_mutator()
    {
        var seeds = AttackCorpus.LoadEmbedded().ToDictionary(c => c.Id);

        foreach (var variant in AttackCorpus.Expand(seeds.Values, new MutationOptions()).Where(c => c.Mutator is not null))
        {
            var seed = seeds[variant.SeedId!];
            Assert.Equal($"{seed.Id}~{variant.Mutator}", variant.Id);
            Assert.Equal((seed.Category, seed.Severity, seed.Expected, seed.Technique), (variant.Category, variant.Severity, variant.Expected, variant.Technique));
            Assert.Same(seed.Documents, variant.Documents);
            Assert.Equal(seed.Turns.Count, variant.Turns.Count);
            Assert.Equal(seed.Turns.Take(seed.Turns.Count - 1), variant.Turns.Take(variant.Turns.Count - 1));
            Assert.NotEqual(seed.Turns[^1], variant.Turns[^1]);
        }
    }

    [Fact]
    public void Named_mutators_only_are_applied()
    {
        var seeds = AttackCorpus.LoadEmbedded().Take(3).ToArray();
        var options = new MutationOptions();
        options.Mutators.Add("rot13");

        var expanded = AttackCorpus.Expand(seeds, options);

        Assert.Equal(seeds.Select(s => s.Id).Concat(seeds.Select(s => s.Id + "~rot13")), expanded.Select(c => c.Id));
    }

    [Fact]
    public void Unknown_mutator_names_the_choices()
    {
        var options = new MutationOptions();
        options.Mutators.Add("pig-latin");

        var ex = Assert.Throws<ArgumentException>(() => AttackCorpus.Expand(AttackCorpus.LoadEmbedded(), options));

        Assert.Contains("base64", ex.Message, StringComparison.Ordinal);
    }

    private static string[] Snapshot(IEnumerable<AttackCase> cases) => [.. cases.Select(c => c.Id + "\u0001" + string.Join("\u0002", c.Turns))];
}
