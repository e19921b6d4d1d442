namespace GoldenPath.Retrieval;

/// <summary>A file that was not indexed, with the line of the problem when known and the reason including the fix.</summary>
public sealed record RejectedDocument(string Source, int? Line, string Reason)
{
    public override string ToString() => Line is { } line ? $"{Source}:{line}: {Reason}" : $"{Source}: {Reason}";
}
