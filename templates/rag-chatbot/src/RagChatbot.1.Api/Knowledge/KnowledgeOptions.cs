namespace RagChatbot._1.Api.Knowledge;

public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>Folder of Markdown, text or JSON documents, relative to the application's base directory.</summary>
    public string Path { get; set; } = "Knowledge/Documents";
}
