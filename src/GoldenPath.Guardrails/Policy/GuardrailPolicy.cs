namespace GoldenPath.Guardrails;

/// <summary>
/// A versioned description of which rails run and what they do. Policies are data so that security teams can
/// tighten them without a code change, and every verdict records the version that produced it.
/// </summary>
public sealed class GuardrailPolicy
{
    internal const string DefaultResourceName = "GoldenPath.Guardrails.default.policy.json";

    private static readonly Lazy<GuardrailPolicy> s_default = new(LoadDefault);

    internal GuardrailPolicy(string version)
    {
        Version = version;
    }

    public string Version { get; }

    /// <summary>The 1-based line of <c>"version"</c> in the source document, so a clash between two files can point at it.</summary>
    internal long VersionLine { get; init; }

    public InputLengthRailSettings InputLength { get; internal init; } = new();
    public PromptInjectionRailSettings PromptInjection { get; internal init; } = new();
    public PiiRailSettings Pii { get; internal init; } = new();
    public SecretsRailSettings Secrets { get; internal init; } = new();
    public CanaryRailSettings Canary { get; internal init; } = new();
    public ExfiltrationRailSettings Exfiltration { get; internal init; } = new();
    public ToolRailSettings Tools { get; internal init; } = new();
    public TokenLimitRailSettings TokenLimit { get; internal init; } = new();
    public ContextOverflowRailSettings ContextOverflow { get; internal init; } = new();
    public DeniedTopicsRailSettings DeniedTopics { get; internal init; } = new();
    public SystemPromptLeakRailSettings SystemPromptLeak { get; internal init; } = new();
    public GroundingRailSettings Grounding { get; internal init; } = new();
    public RestrictedContentRailSettings RestrictedContent { get; internal init; } = new();

    /// <summary>The policy embedded in this package (<c>default.policy.json</c>).</summary>
    public static GuardrailPolicy Default => s_default.Value;

    /// <exception cref="GuardrailPolicyException">The file is missing, unreadable or not a valid policy.</exception>
    public static GuardrailPolicy Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return PolicyReader.Read(ReadFile(path), path);
    }

    /// <param name="json">The policy document.</param>
    /// <param name="source">A name for the document (usually its file name) used in error messages.</param>
    /// <exception cref="GuardrailPolicyException">The document is not a valid policy.</exception>
    public static GuardrailPolicy Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return PolicyReader.Read(System.Text.Encoding.UTF8.GetBytes(json), source);
    }

    internal const string PolicyPathFix =
        "Point GoldenPath:Guardrails:PolicyPath at a readable policy file, or remove the setting to use the embedded default policy.";

    /// <exception cref="GuardrailPolicyException">The file is missing or unreadable.</exception>
    internal static byte[] ReadFile(string path, string fix = PolicyPathFix)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GuardrailPolicyException(
                path,
                line: null,
                $"The policy file could not be read ({ex.Message}).",
                fix,
                ex);
        }
    }

    internal static byte[] ReadDefaultBytes()
    {
        using var stream = typeof(GuardrailPolicy).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{DefaultResourceName}' is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static GuardrailPolicy LoadDefault() => PolicyReader.Read(ReadDefaultBytes(), "default.policy.json");
}
