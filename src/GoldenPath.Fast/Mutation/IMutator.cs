namespace GoldenPath.Fast;

/// <summary>Rewrites an attack payload so it keeps its meaning for a model but looks different to a filter.</summary>
internal interface IMutator
{
    /// <summary>Short, stable name, used in case ids (<c>seedId~name</c>) and reports.</summary>
    string Name { get; }

    /// <param name="payload">The text of the turn to disguise.</param>
    /// <param name="random">Seeded per case and mutator, so the output is reproducible.</param>
    string Mutate(string payload, Random random);
}
