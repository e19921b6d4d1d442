namespace GoldenPath.Fast;

/// <summary>A mutator whose output still carries the exact payload, recoverable by decoding.</summary>
internal interface IReversibleMutator : IMutator
{
    /// <summary>Recovers the payload from text this mutator produced.</summary>
    /// <exception cref="FormatException">The text is not this mutator's output.</exception>
    string Decode(string mutated);
}
