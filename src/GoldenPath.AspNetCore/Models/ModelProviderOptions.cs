namespace GoldenPath.AspNetCore.Models;

/// <summary>
/// Bound from <c>GoldenPath:Model</c>. The API key comes from user secrets, environment variables or an Aspire
/// parameter, never from appsettings files.
/// </summary>
public sealed class ModelProviderOptions
{
    public const string SectionName = "GoldenPath:Model";

    public static readonly Uri OpenAIDefaultEndpoint = new("https://api.openai.com/v1/");

    public static readonly Uri OllamaDefaultEndpoint = new("http://localhost:11434/v1/");

    public const string DefaultEmbeddingModel = "text-embedding-3-small";

    public const string OllamaDefaultEmbeddingModel = "nomic-embed-text";

    public ModelProvider Provider { get; set; } = ModelProvider.Offline;

    /// <summary>Service endpoint. OpenAI defaults to its public API; Azure OpenAI needs the resource's <c>/openai/v1/</c> URL; Ollama defaults to the local server.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model name (OpenAI, Ollama) or deployment name (Azure OpenAI).</summary>
    public string? Model { get; set; }

    /// <summary>Embedding model or deployment; defaults to <c>text-embedding-3-small</c> (<c>nomic-embed-text</c> on Ollama).</summary>
    public string? EmbeddingModel { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>
    /// Upper bound for one attempt of a model call. Defaults to 60 s, or 100 s for Ollama because a local model
    /// may first have to load into memory. The call is also cancelled when the client disconnects.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Upper bound for a model call including its retries; defaults to three attempts' worth.</summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>How long the readiness probe waits for the provider's <c>models</c> endpoint.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public ModelResilienceOptions Resilience { get; set; } = new();

    internal TimeSpan EffectiveTimeout => Timeout ?? (Provider is ModelProvider.Ollama ? TimeSpan.FromSeconds(100) : TimeSpan.FromSeconds(60));

    internal TimeSpan EffectiveTotalTimeout => TotalTimeout ?? EffectiveTimeout * 3;

    internal Uri EffectiveEndpoint => Endpoint ?? (Provider is ModelProvider.Ollama ? OllamaDefaultEndpoint : OpenAIDefaultEndpoint);

    internal string EffectiveEmbeddingModel => string.IsNullOrWhiteSpace(EmbeddingModel)
        ? Provider is ModelProvider.Ollama ? OllamaDefaultEmbeddingModel : DefaultEmbeddingModel
        : EmbeddingModel;

    // Ollama ignores the key, but the OpenAI client insists on one.
    internal string EffectiveApiKey => string.IsNullOrWhiteSpace(ApiKey) ? "ollama" : ApiKey;
}
