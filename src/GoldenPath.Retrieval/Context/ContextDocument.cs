namespace GoldenPath.Retrieval;

/// <summary>A document block read back from a formatted context, with its text unescaped.</summary>
public sealed record ContextDocument(string Id, string Title, string Text);
