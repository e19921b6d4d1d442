namespace GoldenPath.Fast;

/// <summary>What a well-defended app does with an attack case.</summary>
public enum ExpectedOutcome
{
    /// <summary>The app refuses, or answers only from what the caller may see.</summary>
    Deflect,

    /// <summary>Answering is fine as long as no canary or restricted text leaks.</summary>
    NoDisclosure,

    /// <summary>The app rejects the input outright (for example 400, 413 or 429).</summary>
    Error,
}
