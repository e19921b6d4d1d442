using System.Net.Http.Headers;
using GoldenPath.AspNetCore.Fast;
using GoldenPath.AspNetCore.Retrieval;
using GoldenPath.AspNetCore.Tests.Identity;
using GoldenPath.Retrieval;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenPath.AspNetCore.Tests.Fast;

/// <summary>The GoldenPath defaults with retrieval and the FAST hook mapped, in Development unless told otherwise.</summary>
internal sealed class FastHookHost(WebApplication app) : IAsyncDisposable
{
    public const string Operator = FastHookExtensions.OperatorPolicy;

    public WebApplication App { get; } = app;

    public IKnowledgeStore Store => App.Services.GetRequiredService<IKnowledgeStore>();

    public PlantedCanaries Canaries => App.Services.GetRequiredService<PlantedCanaries>();

    /// <param name="enabled">GoldenPath:Fast:Hooks:Enabled.</param>
    /// <param name="environment">The host environment.</param>
    /// <param name="flagSuspiciousChunks">
    /// Index chunks the ingestion screen would block (with a flag) instead of quarantining them: a canary looks like a
    /// random secret to the secrets rail, and access-control tests need the document in the index.
    /// </param>
    public static async Task<FastHookHost> StartAsync(bool enabled = true, string environment = "Development", bool flagSuspiciousChunks = true)
    {
        var settings = TestTokens.SharedKeySettings();
        settings["GoldenPath:Fast:Hooks:Enabled"] = enabled ? "true" : "false";
        settings["GoldenPath:Retrieval:SuspiciousChunks"] = flagSuspiciousChunks ? "Flag" : "Quarantine";
        var app = await GoldenPathTestHost.StartAsync(environment, settings, app => app.MapFastHooks(), builder => builder.AddGoldenPathRetrieval());
        return new FastHookHost(app);
    }

    public HttpClient Client(string? token)
    {
        var client = App.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public HttpClient OperatorClient() => Client(TestTokens.SharedKeyToken("scanner", roles: [Operator]));

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
