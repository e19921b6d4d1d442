namespace GoldenPath.Guardrails;

/// <summary>
/// Blocks input with more model tokens than <see cref="MaxTokens"/>, counted exactly with the model's own
/// encoding. It runs after the cheap character cap of <see cref="InputLengthRailSettings"/> and stops counting
/// as soon as the limit is passed, so a huge paste costs no more than the limit.
/// </summary>
public sealed record TokenLimitRailSettings
{
    /// <summary>The encodings the rail can count with.</summary>
    public static IReadOnlyList<string> Encodings { get; } = ["o200k_base", "cl100k_base"];

    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction Action { get; init; } = RailAction.Block;
    public int MaxTokens { get; init; } = 8_000;

    /// <summary><c>o200k_base</c> (GPT-4o and later) or <c>cl100k_base</c> (GPT-4, GPT-3.5).</summary>
    public string Encoding { get; init; } = "o200k_base";
}

/// <summary>
/// Finds an instruction hidden after a long wall of filler (repeated words, lines or characters, lorem-style
/// padding, base64-like runs), which tries to push the system prompt out of the model's attention.
/// </summary>
public sealed record ContextOverflowRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction Action { get; init; } = RailAction.Block;

    /// <summary>Filler shorter than this is never suspicious: short repetition is ordinary text.</summary>
    public int MinFillerCharacters { get; init; } = 2_000;
}

/// <summary>
/// Subjects the application must not discuss. Topics are per application, so the default policy lists none
/// and the rail does nothing until a policy adds some.
/// </summary>
public sealed record DeniedTopicsRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;

    /// <summary>The action for a user message on a denied topic.</summary>
    public RailAction Action { get; init; } = RailAction.Block;

    /// <summary>The action for an answer on a denied topic; <see cref="RailAction.Allow"/> leaves answers unchecked.</summary>
    public RailAction OutputAction { get; init; } = RailAction.Allow;

    public IReadOnlyList<DeniedTopic> Topics { get; init; } = [];
}

/// <summary>One denied subject.</summary>
/// <param name="Name">A short label; findings are categorized <c>denied-topic:&lt;name&gt;</c>.</param>
/// <param name="Keywords">Words or phrases that name the topic outright, matched as whole words on the normalized text.</param>
/// <param name="Examples">Typical requests on the topic; a sentence this similar to one of them matches.</param>
/// <param name="Threshold">The cosine similarity, from 0 to 1, at which a sentence counts as on the topic.</param>
public sealed record DeniedTopic(string Name, IReadOnlyList<string> Keywords, IReadOnlyList<string> Examples, double Threshold = 0.35);

/// <summary>
/// Blocks answers that repeat the system prompt. Both texts are compared as normalized word sequences, so
/// case, spacing and look-alike characters do not hide a quotation.
/// </summary>
public sealed record SystemPromptLeakRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction Action { get; init; } = RailAction.Block;

    /// <summary>The shortest run of shared consecutive words that counts as a quotation.</summary>
    public int NGram { get; init; } = 6;

    /// <summary>The fraction of the system prompt's words an answer must quote to leak it.</summary>
    public double Threshold { get; init; } = 0.2;
}

/// <summary>
/// Flags answer sentences whose content words are mostly absent from the retrieved context, a cheap lexical
/// signal of a claim the sources do not support. Runs only when the request carries context.
/// </summary>
public sealed record GroundingRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction Action { get; init; } = RailAction.Flag;

    /// <summary>The fraction of a sentence's content words that must appear in the context.</summary>
    public double MinSupport { get; init; } = 0.5;
}

/// <summary>
/// Stops answers that reproduce documents the caller may not read, as reported by the request's
/// <see cref="IRestrictedContentProbe"/>.
/// </summary>
public sealed record RestrictedContentRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction Action { get; init; } = RailAction.Block;
}
