namespace GoldenPath.Cli.Commands;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad input, unreachable target, invalid file, or a failed FAST gate.</summary>
    public const int Error = 1;

    /// <summary>A guardrail blocked the text; distinct from 1 so scripts can tell "blocked" from "broken".</summary>
    public const int Blocked = 2;

    /// <summary><c>guard scan</c> found malformed lines: its contract reserves 2 for that, and it decided nothing.</summary>
    public const int MalformedInput = 2;
}
