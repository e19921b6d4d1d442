namespace GoldenPath.Fast;

/// <summary>How bad it is when an attack case succeeds. The gate compares findings against this scale.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
