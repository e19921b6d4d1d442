namespace GoldenPath.AspNetCore.Models;

/// <summary>
/// Bound from <c>GoldenPath:Model</c>. The API key comes from user secrets, environment variables or an Aspire
/// parameter, never from appsettings files.
/// </summary>
public sealed class ModelProviderOptions
{
    public const string SectionName = "GoldenPath:Model";

    public ModelProvider Provider { get; set; } = ModelProvider.Offline;

    /// <summary>Service endpoint. OpenAI defaults to its public API; Azure OpenAI needs the resource's <c>/openai/v1/</c> URL; Ollama defaults to the local server.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model name (OpenAI, Ollama) or deployment name (Azure OpenAI).</summary>
    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Upper bound for one model call; the call is also cancelled when the client disconnects.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public static readonly Uri OllamaDefaultEndpoint = new("http://localhost:11434/v1/");
}
