namespace GoldenPath.AspNetCore.Identity;

/// <summary>Which token claims become <c>user:</c>, <c>group:</c> and <c>role:</c> principals.</summary>
public sealed class PrincipalClaimOptions
{
    public const string SectionName = "GoldenPath:Principals";

    /// <summary>The claim that identifies the user; <c>sub</c> is stable, unlike display names.</summary>
    public string UserClaim { get; set; } = "sub";

    public IList<string> GroupClaims { get; set; } = ["groups"];

    public IList<string> RoleClaims { get; set; } = ["roles", "role"];
}
