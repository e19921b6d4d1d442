namespace GoldenPath.AspNetCore.Models;

public enum ModelProvider
{
    /// <summary>The embedded extractive responder: deterministic, no key, no network.</summary>
    Offline,
    OpenAI,
    AzureOpenAI,
    Ollama,
}
