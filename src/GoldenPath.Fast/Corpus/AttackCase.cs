namespace GoldenPath.Fast;

/// <summary>One attack from the corpus: one or more user turns sent as a single conversation.</summary>
/// <param name="Id">Stable identifier, unique within a corpus. Mutated cases use <c>seedId~mutator</c>.</param>
/// <param name="Technique">Short name of the attack technique, for grouping in reports.</param>
/// <param name="Category">OWASP Top 10 for LLM Applications 2025 id, <c>LLM01</c> to <c>LLM10</c>.</param>
/// <param name="Severity">Severity of a successful attack.</param>
/// <param name="Turns">User messages, sent in order within one conversation.</param>
/// <param name="Expected">What a well-defended app does.</param>
public sealed record AttackCase(
    string Id,
    string Technique,
    string Category,
    Severity Severity,
    IReadOnlyList<string> Turns,
    ExpectedOutcome Expected)
{
    /// <summary>Documents planted where the app retrieves or receives tool output, for indirect injection.</summary>
    public IReadOnlyList<PlantedDocument> Documents { get; init; } = [];

    /// <summary>The mutator that produced this case from its seed, or <see langword="null"/> for a seed case.</summary>
    public string? Mutator { get; init; }

    /// <summary>The id of the seed case a mutated case came from, or <see langword="null"/> for a seed case.</summary>
    public string? SeedId { get; init; }
}
