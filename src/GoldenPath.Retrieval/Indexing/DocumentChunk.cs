namespace GoldenPath.Retrieval;

/// <summary>A piece of a document body, with the path of Markdown headings it sits under.</summary>
internal sealed record DocumentChunk(int Ordinal, string HeadingPath, string Text);
