namespace GoldenPath.Guardrails;

internal static class InjectionCategories
{
    public const string InstructionOverride = "instruction-override";
    public const string SystemPromptExtraction = "system-prompt-extraction";
    public const string Jailbreak = "jailbreak";
    public const string FalseAuthority = "false-authority";
    public const string TemplateInjection = "template-injection";
    public const string DataExfiltration = "data-exfiltration";
    public const string Impersonation = "impersonation";
    public const string Obfuscation = "obfuscation";
    public const string ToolAbuse = "tool-abuse";

    /// <summary>The statistical model fired and no signature matched.</summary>
    public const string Model = "injection-model";
}
