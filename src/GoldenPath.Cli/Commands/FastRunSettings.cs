using GoldenPath.Fast;

namespace GoldenPath.Cli.Commands;

/// <summary>
/// Options of <c>fast run</c> after validation. <c>Seed</c> is <see langword="null"/> with <c>--no-mutations</c>;
/// <c>FailOn</c> is <see langword="null"/> unless <c>--fail-on</c> overrides the policy's limits.
/// </summary>
internal sealed record FastRunSettings(
    Uri Url,
    string? Token,
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
    TimeSpan Timeout);
