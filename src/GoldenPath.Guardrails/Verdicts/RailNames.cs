namespace GoldenPath.Guardrails;

/// <summary>The words policies are written in and telemetry reports: one spelling for each action and mode.</summary>
internal static class RailNames
{
    public static string Of(RailAction action) => action switch
    {
        RailAction.Allow => "allow",
        RailAction.Flag => "flag",
        RailAction.Redact => "redact",
        _ => "block",
    };

    public static string Of(RailMode mode) => mode == RailMode.Monitor ? "monitor" : "enforce";
}
