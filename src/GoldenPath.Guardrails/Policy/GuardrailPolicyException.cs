namespace GoldenPath.Guardrails;

/// <summary>
/// A policy file could not be used. The message is written for the person editing the file: it names the file,
/// the line and what to change.
/// </summary>
public sealed class GuardrailPolicyException : Exception
{
    public GuardrailPolicyException(string source, long? line, string problem, string fix, Exception? innerException = null)
        : base(Format(source, line, problem, fix), innerException)
    {
        Source = source;
        Line = line;
    }

    /// <summary>The policy file name (or another label for where the JSON came from).</summary>
    public new string Source { get; }

    /// <summary>The 1-based line of the problem, when it can be pinned to one.</summary>
    public long? Line { get; }

    private static string Format(string source, long? line, string problem, string fix) =>
        line is { } l
            ? $"{source}({l}): {problem} Fix: {fix}"
            : $"{source}: {problem} Fix: {fix}";
}
