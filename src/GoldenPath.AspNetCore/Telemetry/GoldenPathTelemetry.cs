namespace GoldenPath.AspNetCore.Telemetry;

/// <summary>The activity sources and meters every golden-path service exports.</summary>
public static class GoldenPathTelemetry
{
    /// <summary>The GenAI client spans (gen_ai.* semantic conventions) written by <c>UseOpenTelemetry()</c>.</summary>
    public const string ChatSourceName = "GoldenPath.Chat";

    public static readonly IReadOnlyList<string> ActivitySources =
    [
        ChatSourceName,
        GoldenPath.Guardrails.GuardrailsTelemetry.SourceName,
        GoldenPath.Retrieval.RetrievalTelemetry.SourceName,
        "GoldenPath.Fast",
        // Semantic Kernel's spans, for apps that host it on the same IChatClient.
        "Microsoft.SemanticKernel*",
    ];

    public static readonly IReadOnlyList<string> Meters =
    [
        ChatSourceName,
        GoldenPath.Guardrails.GuardrailsTelemetry.SourceName,
        GoldenPath.Retrieval.RetrievalTelemetry.SourceName,
        "GoldenPath.Fast",
        "Microsoft.SemanticKernel*",
    ];
}
