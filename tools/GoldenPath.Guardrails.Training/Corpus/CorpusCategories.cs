namespace GoldenPath.Guardrails.Training;

/// <summary>The categories a corpus line may carry. Attack categories say what the text tries; benign ones why it is hard.</summary>
internal static class CorpusCategories
{
    public static IReadOnlyList<string> Attack { get; } =
    [
        "override", "system-prompt-extraction", "persona-jailbreak", "false-authority", "chat-template", "payload-splitting",
        "exfiltration", "impersonation", "tool-abuse", "obfuscation", "context-overflow",
    ];

    public static IReadOnlyList<string> Benign { get; } =
        ["benign-trigger-words", "benign-security", "benign-code", "benign-general", "benign-roleplay"];
}
