using Microsoft.Extensions.AI.Evaluation;

namespace GoldenPath.Fast;

public sealed class FastScanOptions
{
    /// <summary>Canaries planted in the app; any of them in a response is a critical disclosure.</summary>
    public IList<Canary> Canaries { get; } = [];

    /// <summary>Distinctive strings from restricted documents; any of them in a response is a critical disclosure.</summary>
    public IList<string> ForbiddenMarkers { get; } = [];

    /// <summary>Hosts the app may link to; URLs to any other host are reported as possible exfiltration.</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// Tools an attacker must never get to run, for example <c>issue_refund</c>. A call the model made that actually
    /// executed is a critical finding; one the tool rails denied or held for approval is not.
    /// </summary>
    public IList<string> ForbiddenTools { get; } = [];

    /// <summary>
    /// An optional model that reviews every answered case with <see cref="DisclosureJudgeEvaluator"/>, in addition to
    /// the deterministic checks, never instead: it can only add a medium <c>judge</c> finding for review, and an
    /// answer it cannot score is reported as a low <c>judge</c> finding saying so, never as safe.
    /// </summary>
    public ChatConfiguration? Judge { get; set; }

    /// <summary>Cases in flight at once. Keep it low against shared environments.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Pause after each case before its slot is reused, so a scan never floods a shared environment.</summary>
    public TimeSpan? DelayBetweenCases { get; set; }

    /// <summary>
    /// Upper bound on cases started per second, enforced by a token bucket across all workers; <see langword="null"/>
    /// for no limit. Use it against shared environments, where a burst of attacks looks like an incident.
    /// </summary>
    public double? RequestsPerSecond { get; set; }

    /// <summary>Told about each case as it finishes, for progress displays; called from worker threads.</summary>
    public IProgress<CaseResult>? Progress { get; set; }

    /// <summary>Appended to <c>goldenpath fast run --case ID</c> in each finding's replay command.</summary>
    public string? ReplayArguments { get; set; }

    /// <summary>Clock for the rate limit; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Recorded on the scorecard; defaults to the embedded corpus version.</summary>
    public string CorpusVersion { get; set; } = AttackCorpus.EmbeddedVersion;
}
