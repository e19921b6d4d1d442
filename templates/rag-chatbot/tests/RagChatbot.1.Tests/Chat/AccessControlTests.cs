namespace RagChatbot._1.Tests.Chat;

/// <summary>Retrieval is trimmed to the caller's groups before ranking, so answers and citations respect ACLs.</summary>
public sealed class AccessControlTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string SalaryQuestion = "What is the salary band for a senior engineer?";

    [Fact]
    public async Task HrUserGetsSalaryBandsWithCitation()
    {
        var reply = await factory.CreateClient(DemoUser.Alice).AskAsync(SalaryQuestion);

        Assert.Contains(reply.Citations, c => c.Id == "salary-bands");
        Assert.Contains("118,000", reply.Answer);
    }

    [Fact]
    public async Task UserOutsideHrGetsNoHrContentAndNoHrCitation()
    {
        var reply = await factory.CreateClient(DemoUser.Bob).AskAsync(SalaryQuestion);

        Assert.DoesNotContain(reply.Citations, c => c.Id == "salary-bands");
        Assert.DoesNotContain("118,000", reply.Answer);
        Assert.DoesNotContain("salary band for a senior engineer", reply.Answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BoardMinutesReachOnlyExecutives()
    {
        const string question = "What did the board decide about Project Heron?";

        var executive = await factory.CreateClient(DemoUser.Carol).AskAsync(question);
        var hr = await factory.CreateClient(DemoUser.Alice).AskAsync(question);

        Assert.Contains(executive.Citations, c => c.Id == "board-minutes");
        Assert.DoesNotContain(hr.Citations, c => c.Id == "board-minutes");
        Assert.DoesNotContain("Heron", hr.Answer);
    }

    [Fact]
    public async Task EveryEmployeeReadsTheTravelPolicy()
    {
        var reply = await factory.CreateClient(DemoUser.Bob).AskAsync("What is the daily meal allowance when travelling abroad?");

        Assert.Contains(reply.Citations, c => c.Id == "travel-policy");
        Assert.Contains("80 dollars", reply.Answer);
    }
}
