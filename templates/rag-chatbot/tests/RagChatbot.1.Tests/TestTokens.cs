using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RagChatbot._1.Tests;

/// <summary>Signs tokens the way an identity provider would, with a key only the tests know.</summary>
internal static class TestTokens
{
    public const string Issuer = "https://identity.tests.invalid";
    public const string Audience = "ragchatbot-api";

    public static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "tests" };

    public static string Create(
        DemoUser user,
        TimeSpan? lifetime = null,
        string audience = Audience,
        SecurityKey? key = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires.AddMinutes(-5) : now,
            NotBefore = expires < now ? expires.AddMinutes(-5) : now,
            Expires = expires,
            Subject = new ClaimsIdentity([
                new Claim("sub", user.Id),
                .. user.Groups.Select(g => new Claim("groups", g)),
                .. user.Roles.Select(r => new Claim("roles", r)),
            ]),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, algorithm),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

/// <summary>The demo users documented in the README.</summary>
internal sealed record DemoUser(string Id, string[] Groups, string[] Roles)
{
    public static readonly DemoUser Alice = new("alice", ["employees", "hr"], []);
    public static readonly DemoUser Bob = new("bob", ["employees", "engineering"], []);
    public static readonly DemoUser Carol = new("carol", ["employees", "executives"], []);
    public static readonly DemoUser Dana = new("dana", ["employees", "platform"], ["admin"]);
}
