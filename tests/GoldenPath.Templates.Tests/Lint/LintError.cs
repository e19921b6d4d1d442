namespace GoldenPath.Templates.Tests.Lint;

/// <summary>One problem in a template, with where to look.</summary>
public sealed record LintError(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
