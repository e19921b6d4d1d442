namespace GoldenPath.Fast;

/// <summary>Where a canary was found and in which disguise; the offset points into the original response.</summary>
internal sealed record CanaryMatch(string Form, int Offset);
