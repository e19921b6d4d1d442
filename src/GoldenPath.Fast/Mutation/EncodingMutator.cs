namespace GoldenPath.Fast;

/// <summary>Base for mutators that encode the whole payload and ask the model to decode and follow it.</summary>
internal abstract class EncodingMutator : IReversibleMutator
{
    public abstract string Name { get; }

    protected abstract IReadOnlyList<WrappedEncoding> Wrappers { get; }

    public string Mutate(string payload, Random random)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Wrappers[random.Next(Wrappers.Count)].Wrap(Encode(payload));
    }

    public string Decode(string mutated)
    {
        ArgumentNullException.ThrowIfNull(mutated);
        foreach (var wrapper in Wrappers)
        {
            if (wrapper.TryUnwrap(mutated, out var encoded))
            {
                return DecodePayload(encoded);
            }
        }

        throw new FormatException($"The text was not produced by the {Name} mutator.");
    }

    protected abstract string Encode(string payload);

    protected abstract string DecodePayload(string encoded);
}
