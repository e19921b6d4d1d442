namespace GoldenPath.Guardrails;

/// <summary>
/// What the rails may know about the conversation besides the text under evaluation: the system prompt (for
/// leak checks), the retrieved or tool content the answer should rest on (for grounding), the caller's roles
/// (for tool rails) and a probe for text the caller may not read. Everything is optional; a rail that needs
/// something absent simply does not fire.
/// </summary>
public sealed class GuardrailRequest
{
    /// <summary>The key under which hosts pass a request to <see cref="GuardrailsChatClient"/> in <c>ChatOptions.AdditionalProperties</c>.</summary>
    public const string PropertyName = "goldenpath.request";

    public static GuardrailRequest Empty { get; } = new();

    /// <summary>The system prompt the model was given; never logged.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Retrieved passages and tool results the answer is expected to be grounded in.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <summary>The caller's roles, for per-role tool allowlists.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Finds text the caller is not allowed to read (filled in by the retrieval layer); null when there is none to check.</summary>
    public IRestrictedContentProbe? RestrictedContent { get; init; }
}
