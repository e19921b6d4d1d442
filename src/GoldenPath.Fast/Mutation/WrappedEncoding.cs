namespace GoldenPath.Fast;

/// <summary>The sentence around an encoded payload: text before it and after it, on their own lines.</summary>
internal sealed record WrappedEncoding(string Before, string After)
{
    public string Wrap(string encoded) => $"{Before}\n{encoded}\n{After}";

    public bool TryUnwrap(string mutated, out string encoded)
    {
        var prefix = Before + "\n";
        var suffix = "\n" + After;
        if (mutated.Length >= prefix.Length + suffix.Length
            && mutated.StartsWith(prefix, StringComparison.Ordinal)
            && mutated.EndsWith(suffix, StringComparison.Ordinal))
        {
            encoded = mutated[prefix.Length..^suffix.Length];
            return true;
        }

        encoded = string.Empty;
        return false;
    }
}
