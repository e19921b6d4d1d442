using Microsoft.Extensions.Compliance.Classification;

namespace GoldenPath.AspNetCore.Telemetry;

/// <summary>Data classes that logs must never carry in clear.</summary>
public static class GoldenPathTaxonomy
{
    public const string Name = "GoldenPath";

    /// <summary>A user identifier: hashed (keyed HMAC), so one user's events still correlate without naming them.</summary>
    public static DataClassification UserId { get; } = new(Name, nameof(UserId));

    /// <summary>Text a person typed, or a model wrote: erased.</summary>
    public static DataClassification Prompt { get; } = new(Name, nameof(Prompt));
}

/// <summary>Marks a log parameter as a user identifier.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class UserIdAttribute() : DataClassificationAttribute(GoldenPathTaxonomy.UserId);

/// <summary>Marks a log parameter as prompt or answer text.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PromptAttribute() : DataClassificationAttribute(GoldenPathTaxonomy.Prompt);
