namespace GoldenPath.Cli.Commands;

/// <summary>Exit codes of <c>goldenpath fast</c>: distinct, so a pipeline can tell a failed gate from a broken setup.</summary>
internal static class FastExitCodes
{
    public const int GatePassed = 0;

    public const int GateFailed = 1;

    /// <summary>Bad arguments, an invalid corpus or fast.yaml, or reports that could not be written.</summary>
    public const int ConfigurationError = 2;

    /// <summary>The first request got no HTTP answer: connection refused, DNS failure or timeout.</summary>
    public const int TargetUnreachable = 3;
}
