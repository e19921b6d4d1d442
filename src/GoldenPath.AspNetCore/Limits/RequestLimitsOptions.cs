namespace GoldenPath.AspNetCore.Limits;

/// <summary>Bounds on what one request may cost (OWASP LLM10, unbounded consumption).</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "GoldenPath:Limits";

    /// <summary>Largest request body accepted, in bytes. A chat turn is small; anything larger is abuse or a bug.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Longest user message accepted, in characters.</summary>
    public int MaxMessageCharacters { get; set; } = 4_000;

    /// <summary>Longest user message accepted, in tokens of <see cref="TokenizerModel"/>'s encoding.</summary>
    public int MaxMessageTokens { get; set; } = 1_000;

    /// <summary>The model whose encoding counts tokens for limits and budgets.</summary>
    public string TokenizerModel { get; set; } = "gpt-4o";
}
