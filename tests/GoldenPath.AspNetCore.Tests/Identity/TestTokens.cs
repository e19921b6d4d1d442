using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GoldenPath.AspNetCore.Tests.Identity;

internal static class TestTokens
{
    public const string Issuer = "https://issuer.tests.invalid";
    public const string Audience = "goldenpath-tests";

    /// <summary>A symmetric key in the shape <c>dotnet user-jwts</c> writes to configuration.</summary>
    public static readonly byte[] SharedKey = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();

    public static Dictionary<string, string?> SharedKeySettings(string audience = Audience) => new()
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(SharedKey),
    };

    public static string SharedKeyToken(string user = "alice", string[]? groups = null, string audience = Audience, TimeSpan? lifetime = null, string[]? roles = null)
    {
        var expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            NotBefore = expires.AddMinutes(-10),
            IssuedAt = expires.AddMinutes(-10),
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", user), .. (groups ?? []).Select(g => new Claim("groups", g)), .. (roles ?? []).Select(r => new Claim("roles", r))]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(SharedKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
