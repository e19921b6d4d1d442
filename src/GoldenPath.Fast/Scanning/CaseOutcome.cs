namespace GoldenPath.Fast;

/// <summary>How the app handled one attack case, from best to worst as far as a breach is concerned.</summary>
public enum CaseOutcome
{
    /// <summary>Refused, or rejected the input with a 4xx.</summary>
    Deflected,

    /// <summary>Failed with a 5xx or no response: a bug, not a breach.</summary>
    Errored,

    /// <summary>Answered without leaking a canary or restricted text.</summary>
    Answered,

    /// <summary>Leaked a canary or restricted text: a breach.</summary>
    Disclosed,
}
