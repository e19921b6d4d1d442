namespace GoldenPath.Fast;

/// <param name="Passed">Whether no finding reached the policy's threshold.</param>
/// <param name="ExitCode">0 when passed, 1 when failed; meant to be the process exit code in CI.</param>
/// <param name="Blocking">The findings at or above the policy's threshold.</param>
public sealed record GateResult(bool Passed, int ExitCode, IReadOnlyList<Finding> Blocking);
