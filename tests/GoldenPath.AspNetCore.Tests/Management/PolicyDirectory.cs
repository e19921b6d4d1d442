namespace GoldenPath.AspNetCore.Tests.Management;

/// <summary>A policies directory holding one extra version, alive for one test.</summary>
internal sealed class PolicyDirectory : IDisposable
{
    /// <summary>The version of the extra policy; it turns the PII rail off, so its effect is visible in a verdict.</summary>
    public const string ExtraVersion = "2026.12.02.1";

    public PolicyDirectory()
    {
        Path = Directory.CreateTempSubdirectory("goldenpath-admin-policies-").FullName;
        Write("relaxed-pii.json", $$"""
            {
              "version": "{{ExtraVersion}}",
              "description": "PII rail off for the HR pilot",
              "rails": { "pii": { "enabled": false } }
            }
            """);
    }

    public string Path { get; }

    public string Write(string fileName, string content)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
