namespace GoldenPath.Guardrails;

/// <summary>Blocks input longer than the model should ever be asked to read.</summary>
public sealed record InputLengthRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction Action { get; init; } = RailAction.Block;
    public int MaxCharacters { get; init; } = 32_000;
}

/// <summary>
/// Signatures of injection and jailbreak attempts are weighted and combined into one score. At or above
/// <see cref="Threshold"/> the rail applies <see cref="Action"/>; at or above <see cref="FlagThreshold"/> it flags.
/// </summary>
public sealed record PromptInjectionRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction Action { get; init; } = RailAction.Block;
    public double Threshold { get; init; } = 0.7;
    public double FlagThreshold { get; init; } = 0.45;
}

/// <summary>Personal data: e-mail addresses, phone numbers, payment cards, IBANs and US social security numbers.</summary>
public sealed record PiiRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction InputAction { get; init; } = RailAction.Redact;
    public RailAction OutputAction { get; init; } = RailAction.Redact;
}

/// <summary>
/// Credentials: well-known key prefixes, JWTs, private keys and random-looking tokens. A user pasting a key is
/// blocked by default because the key would otherwise be sent to the model provider.
/// </summary>
public sealed record SecretsRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction InputAction { get; init; } = RailAction.Block;
    public RailAction OutputAction { get; init; } = RailAction.Redact;

    /// <summary>Shannon entropy, in bits per character, from which an unprefixed token counts as a secret.</summary>
    public double EntropyThreshold { get; init; } = 4.0;

    public int MinTokenLength { get; init; } = 24;
}

/// <summary>Blocks answers that contain the deployment's canary, which only the system prompt knows.</summary>
public sealed record CanaryRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction Action { get; init; } = RailAction.Block;
}

/// <summary>
/// Removes links and images that point outside the allowed hosts, or that carry data in their query string:
/// a rendered image is fetched without a click, so it is the classic channel for leaking a conversation.
/// </summary>
public sealed record ExfiltrationRailSettings
{
    public bool Enabled { get; init; } = true;
    public RailMode Mode { get; init; } = RailMode.Enforce;
    public RailAction Action { get; init; } = RailAction.Redact;
    public int MaxQueryValueLength { get; init; } = 64;
}
