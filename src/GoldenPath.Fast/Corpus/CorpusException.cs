namespace GoldenPath.Fast;

/// <summary>A corpus file that cannot be used, with the place and the fix.</summary>
/// <remarks>The message reads <c>file(line): reason. Fix: ...</c>, the shape editors and CI logs link to.</remarks>
public sealed class CorpusException : Exception
{
    private readonly string source;

    public CorpusException(string source, int line, string reason, string fix)
        : base($"{source}({line}): {reason}. Fix: {fix}")
    {
        this.source = source;
        Line = line;
        Reason = reason;
        Fix = fix;
    }

    /// <summary>The corpus file (or resource) name.</summary>
    /// <remarks>Overrides <see cref="Exception.Source"/> so every caller sees the file, not the throwing assembly.</remarks>
    public override string Source => source;

    /// <summary>1-based line number of the offending line.</summary>
    public int Line { get; }

    public string Reason { get; }

    public string Fix { get; }
}
