namespace GoldenPath.Guardrails;

/// <summary>A tool call the model asked for.</summary>
/// <param name="Name">The tool name as the model called it.</param>
/// <param name="Arguments">The arguments as the model sent them (JSON elements, strings, numbers, lists or maps).</param>
/// <param name="CallId">The model's id for the call; recorded in telemetry and approval tickets.</param>
public sealed record ToolCallRequest(string Name, IReadOnlyDictionary<string, object?> Arguments, string CallId);
