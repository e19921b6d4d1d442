namespace GoldenPath.AspNetCore.Fast;

/// <summary>
/// Bound from <c>GoldenPath:Fast:Hooks</c>. The hook lets a FAST scan plant canaries where the app keeps secrets; it is
/// off unless enabled, and enabling it outside Development and Testing stops startup.
/// </summary>
public sealed class FastHookOptions
{
    public const string SectionName = "GoldenPath:Fast:Hooks";

    /// <summary>Maps <c>POST</c> and <c>DELETE /fast/plant</c>. Off by default; Development and Testing only.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Who may read a planted document that names no groups. There is no implicit "everyone", so the audience is spelled
    /// out as a principal the identity provider issues to every user.
    /// </summary>
    public string UnrestrictedAudience { get; set; } = "group:employees";
}
