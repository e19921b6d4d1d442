using System.Text;

namespace GoldenPath.Retrieval;

/// <summary>
/// Splits a body into chunks at headings and paragraph breaks. Paragraphs under one heading are packed together up to
/// <see cref="MaxTokens"/>; a longer paragraph is cut into windows of that many tokens overlapping by
/// <see cref="OverlapTokens"/>. Each chunk carries the path of headings it sits under.
/// </summary>
internal static class MarkdownChunker
{
    /// <summary>Small enough that one chunk answers one question, large enough to keep a paragraph whole.</summary>
    internal const int MaxTokens = 200;

    /// <summary>A sentence cut at a window edge still appears whole in one of the two windows.</summary>
    internal const int OverlapTokens = 20;

    internal static IReadOnlyList<DocumentChunk> Split(string content)
    {
        var chunks = new List<DocumentChunk>();
        var headings = new List<(int Level, string Text)>();
        var section = new List<string>();
        var sectionTokens = 0;
        var paragraph = new List<string>();
        var inFence = false;

        foreach (var line in content.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                paragraph.Add(line);
            }
            else if (!inFence && TryHeading(trimmed, out var level, out var heading))
            {
                FlushParagraph();
                FlushSection();
                headings.RemoveAll(h => h.Level >= level);
                headings.Add((level, heading));
            }
            else if (!inFence && trimmed.Length == 0)
            {
                FlushParagraph();
            }
            else
            {
                paragraph.Add(line);
            }
        }

        FlushParagraph();
        FlushSection();
        return chunks;

        void FlushParagraph()
        {
            var text = string.Join('\n', paragraph).Trim();
            paragraph.Clear();
            if (text.Length == 0)
            {
                return;
            }

            var tokens = ChunkTokens.Count(text);
            if (tokens > MaxTokens)
            {
                FlushSection();
                foreach (var window in ChunkTokens.Windows(text, MaxTokens, OverlapTokens))
                {
                    Emit(window);
                }

                return;
            }

            // One token for the blank line that joins packed paragraphs.
            if (section.Count > 0 && sectionTokens + 1 + tokens > MaxTokens)
            {
                FlushSection();
            }

            sectionTokens += (section.Count > 0 ? 1 : 0) + tokens;
            section.Add(text);
        }

        void FlushSection()
        {
            if (section.Count > 0)
            {
                Emit(string.Join("\n\n", section));
                section.Clear();
                sectionTokens = 0;
            }
        }

        void Emit(string text) =>
            chunks.Add(new DocumentChunk(chunks.Count, string.Join(" > ", headings.Select(h => h.Text)), text));
    }

    private static bool TryHeading(string line, out int level, out string text)
    {
        level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        // ATX headings: one to six '#' followed by a space (or nothing), per CommonMark.
        if (level is < 1 or > 6 || (level < line.Length && line[level] != ' ' && line[level] != '\t'))
        {
            text = string.Empty;
            return false;
        }

        text = line[level..].Trim().TrimEnd('#').Trim();
        return true;
    }

    internal static string IndexText(string title, DocumentChunk chunk)
    {
        // The title and heading path are indexed with the text so a chunk is found by what its section is about.
        var builder = new StringBuilder(title);
        if (chunk.HeadingPath.Length > 0)
        {
            builder.Append(" > ").Append(chunk.HeadingPath);
        }

        return builder.Append('\n').Append(chunk.Text).ToString();
    }
}
