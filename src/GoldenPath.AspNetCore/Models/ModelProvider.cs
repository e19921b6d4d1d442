namespace GoldenPath.AspNetCore.Models;

public enum ModelProvider
{
    /// <summary>The embedded extractive responder: deterministic, no key, no network.</summary>
    Offline,
    OpenAI,
    AzureOpenAI,
    Ollama,

    /// <summary>
    /// FAST's assume-breach simulator (<c>GoldenPath.Fast.CompromisedChatClient</c>): a model that obeys every
    /// instruction and leaks everything it sees, so a scan measures only what the controls around it contain.
    /// Development and Testing only; startup fails in any other environment.
    /// </summary>
    CompromisedSimulator,
}
