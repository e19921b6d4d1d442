using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using GoldenPath.AspNetCore.Retrieval;
using GoldenPath.AspNetCore.Tests.Identity;
using GoldenPath.Guardrails;
using GoldenPath.Retrieval;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenPath.AspNetCore.Tests.Retrieval.Leakage;

public sealed class RestrictedContentProbeTests
{
    private const string Restricted = "The board approved the acquisition of Northwind Traders for forty two million dollars";
    private const string Public = "Request a replacement laptop through the service desk portal before the end of the month";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallerWithoutTheGroup_GetsTheCopiedSpanAndDocument()
    {
        await using var app = await StartAsync();
        var answer = $"Good news: {Restricted}. Also, {Public}.";

        var matches = await ProbeAsync(app, TestTokens.SharedKeyToken("bo", ["employees"]), answer);

        var match = Assert.Single(matches);
        Assert.Equal("merger-plan", match.DocumentId);
        Assert.Equal(new EvidenceSpan(answer.IndexOf(Restricted, StringComparison.Ordinal), Restricted.Length), match.Span);
    }

    [Fact]
    public async Task ACallerInTheGroup_GetsNoMatch()
    {
        await using var app = await StartAsync();

        var matches = await ProbeAsync(app, TestTokens.SharedKeyToken("ana", ["employees", "board"]), $"Good news: {Restricted}. Also, {Public}.");

        Assert.Empty(matches);
    }

    [Fact]
    public async Task AnAnonymousCaller_MayReadNothing()
    {
        await using var app = await StartAsync();
        var probe = app.Services.GetRequiredService<IRestrictedContentProbeFactory>().Create(new ClaimsPrincipal(new ClaimsIdentity()));

        var matches = Assert.IsType<IRestrictedContentProbe>(probe, exactMatch: false).Find(Public);

        Assert.Equal("handbook", Assert.Single(matches).DocumentId);
    }

    [Fact]
    public async Task AStoreThatCannotLookForRestrictedText_GetsNoProbe()
    {
        await using var app = await GoldenPathTestHost.StartAsync(
            "Development",
            TestTokens.SharedKeySettings(),
            configureBuilder: builder =>
            {
                builder.Services.AddSingleton<IKnowledgeStore, SearchOnlyStore>();
                builder.AddGoldenPathRetrieval();
            });

        Assert.Null(app.Services.GetRequiredService<IRestrictedContentProbeFactory>().Create(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    private static async Task<WebApplication> StartAsync()
    {
        var app = await GoldenPathTestHost.StartAsync(
            "Development",
            TestTokens.SharedKeySettings(),
            map: app => app.MapPost("/probe", (HttpContext context, IRestrictedContentProbeFactory probes, ProbeRequest request) =>
                probes.Create(context.User)!.Find(request.Answer).Select(m => new ProbeMatch(m.DocumentId, m.Span.Start, m.Span.Length))),
            configureBuilder: builder => builder.AddGoldenPathRetrieval());

        var store = app.Services.GetRequiredService<IKnowledgeStore>();
        await store.UpsertAsync(Document("merger-plan", $"# Decision\n{Restricted}.", "group:board"), Cancellation);
        await store.UpsertAsync(Document("handbook", $"# Laptops\n{Public}.", "group:employees"), Cancellation);
        return app;
    }

    private static async Task<IReadOnlyList<RestrictedContentMatch>> ProbeAsync(WebApplication app, string token, string answer)
    {
        var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.PostAsJsonAsync("/probe", new ProbeRequest(answer), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var matches = await response.Content.ReadFromJsonAsync<ProbeMatch[]>(Cancellation);
        return [.. matches!.Select(m => new RestrictedContentMatch(new EvidenceSpan(m.Start, m.Length), m.DocumentId))];
    }

    private static AclDocument Document(string id, string content, string group) =>
        new(id, id, content, [group], id + ".md", "internal", id);

    private sealed record ProbeRequest(string Answer);

    private sealed record ProbeMatch(string DocumentId, int Start, int Length);

    /// <summary>A store that searches but offers no restricted-text lookup, as a custom store might.</summary>
    private sealed class SearchOnlyStore : IKnowledgeStore
    {
        public int Dimensions => 384;

        public Task UpsertAsync(AclDocument document, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<bool> RemoveAsync(string documentId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, PrincipalSet principals, int top, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<RetrievedPassage>>([]);

        public Task<bool> CanReadAsync(PrincipalSet principals, string documentId, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
