namespace GoldenPath.AspNetCore.Telemetry;

public sealed class RedactionOptions
{
    public const string SectionName = "GoldenPath:Redaction";

    /// <summary>
    /// Base64 key (at least 32 bytes) for hashing user ids in logs. Set it as a secret so hashes stay stable across
    /// instances and restarts; without it each process draws a random key, so hashes correlate within one process only.
    /// </summary>
    public string? HmacKey { get; set; }
}
