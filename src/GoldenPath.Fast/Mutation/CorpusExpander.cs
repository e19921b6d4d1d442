using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GoldenPath.Fast;

/// <summary>Derives mutated variants from seed cases, reproducibly.</summary>
internal static class CorpusExpander
{
    public static IReadOnlyList<AttackCase> Expand(IEnumerable<AttackCase> cases, MutationOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.VariantsPerCase, 0, nameof(options.VariantsPerCase));
        IMutator[] mutators = options.Mutators.Count == 0
            ? [.. AttackMutators.All]
            : [.. options.Mutators.Distinct(StringComparer.OrdinalIgnoreCase).Select(AttackMutators.Get)];
        var perCase = Math.Min(options.VariantsPerCase, mutators.Length);

        var seeds = cases.ToArray();
        var expanded = new List<AttackCase>(seeds.Length * (perCase + 1));
        expanded.AddRange(seeds);
        foreach (var seed in seeds)
        {
            if (seed.Mutator is not null)
            {
                // Already a variant: mutating it again would only produce unreadable noise.
                continue;
            }

            // Each choice gets its own generator derived from (seed, case, mutator), so adding a case or a
            // mutator never changes the variants of the others.
            var picks = (IMutator[])mutators.Clone();
            Derive(options.Seed, seed.Id, "pick").Shuffle(picks);
            List<AttackCase> variants = [];
            foreach (var mutator in picks)
            {
                if (variants.Count == perCase)
                {
                    break;
                }

                // A mutator that leaves the text alone (leetspeak on Japanese, say) would only send a duplicate.
                var variant = Mutate(seed, mutator, Derive(options.Seed, seed.Id, mutator.Name));
                if (!string.Equals(variant.Turns[^1], seed.Turns[^1], StringComparison.Ordinal))
                {
                    variants.Add(variant);
                }
            }

            expanded.AddRange(variants.OrderBy(variant => Array.FindIndex(mutators, mutator => mutator.Name == variant.Mutator)));
        }

        return expanded;
    }

    /// <summary>Only the last turn changes: earlier turns build the conversation up, the last one carries the attack.</summary>
    private static AttackCase Mutate(AttackCase seed, IMutator mutator, Random random)
    {
        string[] turns = [.. seed.Turns];
        turns[^1] = mutator.Mutate(turns[^1], random);
        return seed with
        {
            Id = $"{seed.Id}~{mutator.Name}",
            Turns = turns,
            Mutator = mutator.Name,
            SeedId = seed.Id,
        };
    }

    private static Random Derive(int seed, string caseId, string purpose)
    {
        // string.GetHashCode is randomised per process; a cryptographic hash is stable everywhere.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{caseId}|{purpose}"));
        return new Random(BinaryPrimitives.ReadInt32LittleEndian(hash));
    }
}
