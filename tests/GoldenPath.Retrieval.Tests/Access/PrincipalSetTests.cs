using System.Security.Cryptography;
using System.Text;

namespace GoldenPath.Retrieval.Tests.Access;

public sealed class PrincipalSetTests
{
    [Fact]
    public void From_LowerCasesKindAndTrimsValue()
    {
        var set = PrincipalSet.From([" GROUP:Employees ", "Role: hr-admin", "user:ana"]);

        Assert.Equal(["group:Employees", "role:hr-admin", "user:ana"], set);
        Assert.True(set.Contains("group:Employees"));
        Assert.True(set.Contains("Group:Employees"));
    }

    [Fact]
    public void From_ComparesNamesOrdinallySoASpellingMismatchDenies()
    {
        var set = PrincipalSet.From(["group:employees"]);

        Assert.False(set.Contains("group:Employees"));
    }

    [Fact]
    public void From_CollapsesDuplicates()
    {
        var set = PrincipalSet.From(["user:ana", "USER:ana", " user:ana"]);

        Assert.Single(set);
    }

    [Theory]
    [InlineData("ana")]
    [InlineData("team:platform")]
    [InlineData("user:")]
    [InlineData("group:   ")]
    [InlineData(":ana")]
    public void From_RejectsMalformedPrincipalNamingIt(string principal)
    {
        var ex = Assert.Throws<ArgumentException>(() => PrincipalSet.From(["user:ok", principal]));

        Assert.Contains($"'{principal.Trim()}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("group:<name>", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("everyone")]
    [InlineData("Everyone")]
    [InlineData("all")]
    [InlineData("group:*")]
    [InlineData("user:everyone")]
    public void From_RejectsWildcardsAskingForAnExplicitGroup(string principal)
    {
        var ex = Assert.Throws<ArgumentException>(() => PrincipalSet.From([principal]));

        Assert.Contains(principal, ex.Message, StringComparison.Ordinal);
        Assert.Contains("group:employees", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_RejectsEmptyEntries()
    {
        Assert.Throws<ArgumentException>(() => PrincipalSet.From(["user:ana", ""]));
    }

    [Fact]
    public void Hash_IsSha256OfTheSortedSetAndIgnoresOrderCaseOfKindAndDuplicates()
    {
        var a = PrincipalSet.From(["user:ana", "group:employees", "role:hr"]);
        var b = PrincipalSet.From(["ROLE:hr", "group:employees", "user:ana", "user:ana"]);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("group:employees\nrole:hr\nuser:ana")));

        Assert.Equal(expected, a.Hash);
        Assert.Equal(a.Hash, b.Hash);
    }

    [Fact]
    public void Hash_DiffersForDifferentSetsAndDoesNotContainPrincipals()
    {
        var ana = PrincipalSet.From(["user:ana"]);
        var bo = PrincipalSet.From(["user:bo"]);

        Assert.NotEqual(ana.Hash, bo.Hash);
        Assert.NotEqual(ana.Hash, PrincipalSet.Empty.Hash);
        Assert.DoesNotContain("ana", ana.Hash, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", ana.Hash);
    }

    [Fact]
    public void CanRead_NeedsAnyOverlap()
    {
        var set = PrincipalSet.From(["user:ana", "group:employees"]);

        Assert.True(set.CanRead(["group:hr", "group:employees"]));
        Assert.True(set.CanRead(["GROUP:employees"]));
        Assert.False(set.CanRead(["group:hr", "role:admin"]));
        Assert.False(set.CanRead([]));
    }

    [Fact]
    public void CanRead_MalformedAclEntriesNeverGrant()
    {
        var set = PrincipalSet.From(["user:ana"]);

        Assert.False(set.CanRead(["ana", "*", "everyone", "user:"]));
    }

    [Fact]
    public void Empty_ReadsNothing()
    {
        Assert.Empty(PrincipalSet.Empty);
        Assert.False(PrincipalSet.Empty.CanRead(["group:employees"]));
        Assert.Same(PrincipalSet.Empty, PrincipalSet.From([]));
    }
}
