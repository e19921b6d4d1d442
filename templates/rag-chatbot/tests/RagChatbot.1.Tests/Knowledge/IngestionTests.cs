using RagChatbot._1.Tests.Chat;

namespace RagChatbot._1.Tests.Knowledge;

/// <summary>Deny by default: a document that does not say who may read it is never indexed.</summary>
public sealed class IngestionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ragchatbot-knowledge-").FullName;

    [Fact]
    public async Task DocumentWithoutAnAclIsNeverSearchable()
    {
        File.WriteAllText(Path.Combine(_folder, "parking.md"), """
            ---
            id: parking
            title: Parking permits
            acl: [group:employees]
            ---
            Parking permits for the north garage are issued by the facilities team every January.
            """);
        File.WriteAllText(Path.Combine(_folder, "layoffs.md"), """
            ---
            id: layoffs
            title: Draft reorganisation plan
            ---
            The draft reorganisation plan moves the north garage team to the new facilities office in January.
            """);
        await using var factory = new ApiFactory { Settings = { ["Knowledge:Path"] = _folder } };

        var reply = await factory.CreateClient(DemoUser.Alice).AskAsync("Who issues north garage permits in January?");

        Assert.Contains(reply.Citations, c => c.Id == "parking");
        Assert.DoesNotContain(reply.Citations, c => c.Id == "layoffs");
        Assert.DoesNotContain("reorganisation", reply.Answer, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
