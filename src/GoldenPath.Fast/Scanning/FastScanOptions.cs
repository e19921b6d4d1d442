namespace GoldenPath.Fast;

public sealed class FastScanOptions
{
    /// <summary>Canaries planted in the app; any of them in a response is a critical disclosure.</summary>
    public IList<Canary> Canaries { get; } = [];

    /// <summary>Distinctive strings from restricted documents; any of them in a response is a critical disclosure.</summary>
    public IList<string> ForbiddenMarkers { get; } = [];

    /// <summary>Hosts the app may link to; URLs to any other host are reported as possible exfiltration.</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Cases in flight at once. Keep it low against shared environments.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Pause after each case before its slot is reused, so a scan never floods a shared environment.</summary>
    public TimeSpan? DelayBetweenCases { get; set; }

    /// <summary>Recorded on the scorecard; defaults to the embedded corpus version.</summary>
    public string CorpusVersion { get; set; } = AttackCorpus.EmbeddedVersion;
}
