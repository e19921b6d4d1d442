namespace GoldenPath.Guardrails;

/// <summary>
/// The <c>"tools"</c> section of a policy: which tools the model may call, for whom, with which arguments. A tool
/// that is not in <see cref="Catalog"/> is denied, so an empty catalog denies every call.
/// </summary>
public sealed record ToolRailSettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>In <see cref="RailMode.Monitor"/> every decision is made and recorded, but no call is denied or held.</summary>
    public RailMode Mode { get; init; } = RailMode.Enforce;

    /// <summary>Calls allowed in one turn; the call past the limit is denied and ends the tool loop.</summary>
    public int MaxCallsPerTurn { get; init; } = 8;

    /// <summary>Whether tool results are scanned for instructions aimed at the model before the model reads them.</summary>
    public bool ScanResults { get; init; } = true;

    /// <summary>The allowed tools by name (case-sensitive, as the model calls them).</summary>
    public IReadOnlyDictionary<string, ToolDefinition> Catalog { get; init; } = new Dictionary<string, ToolDefinition>(StringComparer.Ordinal);
}
