using GoldenPath.AspNetCore.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Tests.Limits;

public sealed class ChatMessageLimitsTests
{
    private static readonly ChatMessageLimits Limits = new(
        Options.Create(new RequestLimitsOptions { MaxMessageCharacters = 4_000, MaxMessageTokens = 50 }),
        TokenCounter.ForModel("gpt-4o"));

    [Fact]
    public void AMessageWithinTheLimitsPasses() => Assert.Null(Limits.Check("How many floating holidays do we get?"));

    [Fact]
    public void TooManyTokensIs413NamingTheLimit()
    {
        var problem = Assert.IsType<ProblemHttpResult>(Limits.Check(string.Join(' ', Enumerable.Repeat("antidisestablishmentarianism", 30))));

        Assert.Equal(413, problem.StatusCode);
        Assert.Contains("the limit is 50", problem.ProblemDetails.Detail);
        Assert.Contains("tokens", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void TooManyCharactersIs413BeforeTokenizing()
    {
        var problem = Assert.IsType<ProblemHttpResult>(Limits.Check(new string('a', 4_001)));

        Assert.Equal(413, problem.StatusCode);
        Assert.Contains("characters", problem.ProblemDetails.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void AMissingMessageIs400(string? message)
    {
        var problem = Assert.IsType<ProblemHttpResult>(Limits.Check(message));

        Assert.Equal(400, problem.StatusCode);
    }
}
