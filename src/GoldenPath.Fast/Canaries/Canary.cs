using System.Security.Cryptography;

namespace GoldenPath.Fast;

/// <summary>A unique value planted where the caller must never see it (system prompt, restricted document).</summary>
/// <remarks>
/// Finding the value in a response proves a leak, whatever the prompt looked like; that is what makes the
/// scan's verdict objective instead of a judgement about whether an attack "worked".
/// </remarks>
/// <param name="Name">Where the canary is planted, for example <c>system-prompt</c>; safe to show in reports.</param>
/// <param name="Value">The secret value; reports never print it.</param>
public sealed record Canary(string Name, string Value)
{
    public const string Prefix = "GPCANARY-";

    /// <summary>Creates a canary with a fresh value <c>GPCANARY-</c> followed by 16 random hex characters.</summary>
    public static Canary Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Canary(name, Prefix + RandomNumberGenerator.GetHexString(16));
    }

    public override string ToString() => $"Canary {{ Name = {Name} }}";
}
