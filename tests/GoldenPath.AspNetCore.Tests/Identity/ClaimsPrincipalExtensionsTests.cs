using System.Security.Claims;
using GoldenPath.AspNetCore.Identity;

namespace GoldenPath.AspNetCore.Tests.Identity;

public sealed class ClaimsPrincipalExtensionsTests
{
    private static ClaimsPrincipal User(params Claim[] claims) => new(new ClaimsIdentity(claims, authenticationType: "test"));

    [Fact]
    public void UserGroupsAndRolesBecomePrincipals()
    {
        var principals = User(new Claim("sub", "alice"), new Claim("groups", "hr"), new Claim("roles", "admin")).ToPrincipalSet(new PrincipalClaimOptions());

        Assert.Equal(["group:hr", "role:admin", "user:alice"], principals.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MalformedGroupValuesAreDroppedNotTrusted()
    {
        var principals = User(new Claim("sub", "bob"), new Claim("groups", "eng"), new Claim("groups", "x:group:hr")).ToPrincipalSet(new PrincipalClaimOptions());

        Assert.DoesNotContain("group:hr", principals);
        Assert.Contains("group:eng", principals);
    }

    [Fact]
    public void AnonymousCallersHaveNoPrincipals()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([new Claim("groups", "hr")]));

        Assert.Empty(anonymous.ToPrincipalSet(new PrincipalClaimOptions()));
    }

    [Fact]
    public void ClaimNamesAreConfigurable()
    {
        var options = new PrincipalClaimOptions { UserClaim = "oid", GroupClaims = ["wids"] };

        var principals = User(new Claim("oid", "0001"), new Claim("wids", "finance")).ToPrincipalSet(options);

        Assert.Equal(["group:finance", "user:0001"], principals.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UserKeyFollowsTheConfiguredClaimIsStableAndNeverTheRawId()
    {
        var options = new PrincipalClaimOptions { UserClaim = "oid" };

        var key = User(new Claim("oid", "0001"), new Claim("sub", "other")).UserKey(options);

        Assert.NotNull(key);
        Assert.DoesNotContain("0001", key);
        Assert.Equal(key, User(new Claim("oid", "0001")).UserKey(options));
        Assert.NotEqual(key, User(new Claim("oid", "0002")).UserKey(options));
        Assert.Null(new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", "0001")])).UserKey(options));
    }
}
