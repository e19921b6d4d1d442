namespace GoldenPath.AspNetCore.Telemetry;

public sealed class GenAiTelemetryOptions
{
    public const string SectionName = "GoldenPath:Telemetry";

    /// <summary>
    /// Writes prompts and answers into spans. Off by default, and refused outside Development: telemetry
    /// back ends are not cleared to hold what employees and customers type.
    /// </summary>
    public bool CaptureMessageContent { get; set; }
}
