namespace GoldenPath.Guardrails.Training;

/// <summary>The corpus has lines that cannot be trained on; each error names the file, the line and the fix.</summary>
internal sealed class CorpusException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
