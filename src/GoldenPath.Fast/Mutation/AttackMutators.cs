namespace GoldenPath.Fast;

/// <summary>The mutators <see cref="AttackCorpus.Expand"/> can apply, by name.</summary>
public static class AttackMutators
{
    internal static IReadOnlyList<IMutator> All { get; } =
    [
        new Base64Mutator(),
        new HexMutator(),
        new Rot13Mutator(),
        new ReversalMutator(),
        new LeetspeakMutator(),
        new HomoglyphMutator(),
        new ZeroWidthMutator(),
        new UnicodeTagMutator(),
        new LetterSpacingMutator(),
        .. TranslationMutator.All,
        WrapperMutator.RolePlay,
        WrapperMutator.Authority,
        new PayloadSplitMutator(),
        new FillerOverflowMutator(),
    ];

    /// <summary>Every mutator name, for example <c>base64</c>, <c>homoglyph</c>, <c>lang-fr</c> or <c>filler-overflow</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(mutator => mutator.Name)];

    internal static IMutator Get(string name) =>
        All.FirstOrDefault(mutator => string.Equals(mutator.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown mutator '{name}'. Use one of: {string.Join(", ", Names)}.", nameof(name));
}
