namespace GoldenPath.Cli;

/// <summary>Where commands write: the process console in production, string writers in tests.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
