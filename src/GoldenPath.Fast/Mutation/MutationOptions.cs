namespace GoldenPath.Fast;

/// <summary>How <see cref="AttackCorpus.Expand"/> derives variants from seed cases.</summary>
public sealed class MutationOptions
{
    /// <summary>The default seed, fixed so two scans without <c>--seed</c> send exactly the same corpus.</summary>
    public const int DefaultSeed = 20_261_129;

    /// <summary>Drives every random choice; the same seed and corpus always give the same variants.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>Mutator names to draw from (see <see cref="AttackMutators.Names"/>); empty means all of them.</summary>
    public IList<string> Mutators { get; } = [];

    /// <summary>
    /// Variants per seed case, each from a different mutator drawn by the seed. The default of 8 turns 200 seeds
    /// into 1,800 cases: broad coverage of every mutator across the corpus without sending all of them for every seed.
    /// </summary>
    public int VariantsPerCase { get; set; } = 8;
}
