namespace GoldenPath.Fast;

/// <summary>A short single-line excerpt of a response, so reports stay readable and never carry whole answers.</summary>
internal static class ResponseExcerpt
{
    private const int MaxLength = 160;

    public static string Of(string text)
    {
        var singleLine = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return singleLine.Length <= MaxLength ? singleLine : singleLine[..MaxLength] + "...";
    }
}
