namespace GoldenPath.Retrieval;

/// <summary>A document that cannot be indexed; the message names the file, the line and the fix.</summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException(string source, int? line, string reason)
        : base(line is { } l ? $"{source}:{l}: {reason}" : $"{source}: {reason}")
    {
        Source = source;
        Line = line;
        Reason = reason;
    }

    public DocumentRejectedException(string source, int? line, string reason, Exception innerException)
        : base(line is { } l ? $"{source}:{l}: {reason}" : $"{source}: {reason}", innerException)
    {
        Source = source;
        Line = line;
        Reason = reason;
    }

    /// <summary>The file (or other origin) of the rejected document.</summary>
    public new string Source { get; }

    /// <summary>1-based line of the problem, or <see langword="null"/> when it cannot be pinned down.</summary>
    public int? Line { get; }

    public string Reason { get; }

    internal RejectedDocument ToRejection() => new(Source, Line, Reason);
}
