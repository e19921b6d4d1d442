using GoldenPath.Fast;

namespace GoldenPath.Cli.Commands;

/// <summary>
/// Options of <c>fast run</c> after validation. <c>Seed</c> is <see langword="null"/> with <c>--no-mutations</c>;
/// <c>FailOn</c> is <see langword="null"/> unless <c>--fail-on</c> overrides the policy's limits. <c>OperatorToken</c>, when
/// set, lets the scan plant documents through the app's test-only hook, so cases with documents run instead of being skipped.
/// <c>PlantCanaries</c> also plants scan-level canaries there (restricted to <c>RestrictedGroup</c> and to <c>Victim</c>).
/// </summary>
internal sealed record FastRunSettings(
    Uri Url,
    string? Token,
    string? OperatorToken,
    string Path,
    string? CorpusPath,
    string? CaseDirectory,
    string? ConfigPath,
    int? Seed,
    string? CaseId,
    double? RequestsPerSecond,
    IReadOnlyList<Canary> Canaries,
    IReadOnlyList<string> ForbiddenMarkers,
    IReadOnlyList<string> AllowedHosts,
    string OutputDirectory,
    Severity? FailOn,
    int Concurrency,
    TimeSpan Delay,
    TimeSpan Timeout,
    bool PlantCanaries = false,
    string RestrictedGroup = ScanCanaries.DefaultRestrictedGroup,
    string? Victim = null);
