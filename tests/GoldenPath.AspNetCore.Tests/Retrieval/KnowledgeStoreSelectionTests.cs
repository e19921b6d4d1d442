using GoldenPath.AspNetCore.Retrieval;
using GoldenPath.AspNetCore.Tests.Identity;
using GoldenPath.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenPath.AspNetCore.Tests.Retrieval;

public sealed class KnowledgeStoreSelectionTests
{
    [Fact]
    public async Task TheEmbeddedStoreIsTheDefault()
    {
        await using var app = await GoldenPathTestHost.StartAsync("Production", TestTokens.SharedKeySettings(), configureBuilder: b => b.AddGoldenPathRetrieval());

        Assert.IsType<KnowledgeIndex>(app.Services.GetRequiredService<IKnowledgeStore>());
    }

    [Fact]
    public async Task PostgresWithoutAConnectionStringStopsStartupWithTheFix()
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Retrieval:Store"] = "Postgres";

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            GoldenPathTestHost.StartAsync("Production", settings, configureBuilder: b => b.AddGoldenPathRetrieval()));

        Assert.Contains("ConnectionStrings:knowledge", error.Message);
    }

    [Fact]
    public async Task PostgresIsSelectedByConfiguration()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GoldenPath:Retrieval:Store"] = "Postgres",
            ["ConnectionStrings:knowledge"] = "Host=127.0.0.1;Port=1;Database=knowledge;Username=app;Timeout=1",
        });
        builder.AddGoldenPathRetrieval();

        // Resolving the store opens no connection; only the schema initializer at startup needs a live server.
        await using var services = builder.Services.BuildServiceProvider();

        Assert.IsType<PostgresKnowledgeStore>(services.GetRequiredService<IKnowledgeStore>());
    }
}
