namespace GoldenPath.Fast;

/// <summary>A gate policy file (<c>fast.yaml</c>) that cannot be used, with the place and the fix.</summary>
/// <remarks>The message reads <c>file(line): reason. Fix: ...</c>, like corpus errors.</remarks>
public sealed class GateConfigurationException(string file, int line, string reason, string fix)
    : Exception($"{file}({line}): {reason}. Fix: {fix}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
