namespace GoldenPath.AspNetCore.Web;

public sealed class GoldenPathCorsOptions
{
    public const string SectionName = "GoldenPath:Cors";

    /// <summary>Browser origins allowed to call the API. Empty (the default) means no cross-origin calls at all.</summary>
    public IList<string> AllowedOrigins { get; set; } = [];
}
