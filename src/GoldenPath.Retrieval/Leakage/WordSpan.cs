namespace GoldenPath.Retrieval;

/// <summary>Where one word sits in the original text: <c>[Start, End)</c> in UTF-16 code units.</summary>
internal readonly record struct WordSpan(int Start, int End);
