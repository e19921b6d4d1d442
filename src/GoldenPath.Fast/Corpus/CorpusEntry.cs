namespace GoldenPath.Fast;

/// <summary>A parsed case and the place it came from, so a clash between files can name both lines.</summary>
internal sealed record CorpusEntry(AttackCase Case, string Source, int Line);
