using System.Security.Claims;
using GoldenPath.AspNetCore.Tests.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GoldenPath.AspNetCore.Tests.Management;

/// <summary>Development tokens with roles, signed like <see cref="TestTokens"/> so the same settings accept them.</summary>
internal static class AdminTokens
{
    /// <param name="user">The <c>sub</c> claim; null for a token without one (an app-only token).</param>
    /// <param name="roleClaimType">The claim the roles are written to.</param>
    /// <param name="roles">The caller's roles.</param>
    public static string Create(string? user, string roleClaimType, params string[] roles)
    {
        var expires = DateTime.UtcNow.AddMinutes(5);
        List<Claim> claims = [.. roles.Select(role => new Claim(roleClaimType, role))];
        if (user is not null)
        {
            claims.Add(new Claim("sub", user));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = TestTokens.Audience,
            NotBefore = expires.AddMinutes(-10),
            IssuedAt = expires.AddMinutes(-10),
            Expires = expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(TestTokens.SharedKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
