namespace GoldenPath.Fast;

/// <summary>The disguises an attacker asks a model to put a secret in, so that a plain-text filter misses it.</summary>
internal enum SecretEncoding
{
    Base64,
    Hex,
    Reversed,
    SpacedLetters,
    Rot13,
}
