namespace GoldenPath.Guardrails.Training;

/// <summary>One labelled text of the corpus, with where it came from for error messages.</summary>
internal sealed record CorpusEntry(
    string Id,
    string Text,
    bool IsAttack,
    string Category,
    string Language,
    string Family,
    bool IsHeldOut,
    string File,
    int Line);
