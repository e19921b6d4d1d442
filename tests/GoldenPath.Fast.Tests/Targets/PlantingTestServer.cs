using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using GoldenPath.Fast.Tests.Support;

namespace GoldenPath.Fast.Tests.Targets;

/// <summary>
/// A real Kestrel app on 127.0.0.1 with a plant hook shaped like GoldenPath.AspNetCore's and a leaky chat endpoint
/// that quotes every planted document, so a test sees what was planted when.
/// </summary>
internal sealed class PlantingTestServer : IAsyncDisposable
{
    public const string OperatorToken = "operator-token";

    private readonly WebApplication _app;

    private PlantingTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Stored documents by id.</summary>
    public ConcurrentDictionary<string, PlantBody.Document> Documents { get; } = new();

    /// <summary>What happened, in order: <c>plant</c>, <c>chat</c>, <c>delete</c>.</summary>
    public ConcurrentQueue<string> Events { get; } = new();

    public ConcurrentQueue<string> DeletedIds { get; } = new();

    /// <summary>Every document received by the hook, as sent.</summary>
    public ConcurrentQueue<PlantBody.Document> Received { get; } = new();

    public int DeleteStatus { get; set; } = StatusCodes.Status200OK;

    /// <summary>System-prompt lines planted and not yet removed by a bare <c>DELETE</c>.</summary>
    public ConcurrentQueue<string> SystemPromptLines { get; } = new();

    /// <summary>When set, the hook reports the first chunk of every planted document as quarantined.</summary>
    public bool QuarantineChunks { get; set; }

    public static async Task<PlantingTestServer> StartAsync(CancellationToken cancellationToken)
    {
        PlantingTestServer? server = null;
        var (app, address) = await LoopbackApp.StartAsync(app => Map(app, () => server!), cancellationToken);
        server = new PlantingTestServer(app, address);
        return server;
    }

    private static void Map(WebApplication app, Func<PlantingTestServer> current)
    {
        app.MapPost("/fast/plant", (PlantBody body, HttpRequest request) =>
        {
            var server = current();
            if (request.Headers.Authorization != $"Bearer {OperatorToken}")
            {
                return Results.Problem(title: "Forbidden", detail: "Not a fast-operator.", statusCode: StatusCodes.Status403Forbidden);
            }

            server.Events.Enqueue("plant");
            var ids = body.Documents.Select(document => "fast-" + document.Id).ToArray();
            foreach (var (id, document) in ids.Zip(body.Documents))
            {
                server.Documents[id] = document;
                server.Received.Enqueue(document);
            }

            foreach (var line in body.SystemPrompt ?? [])
            {
                server.SystemPromptLines.Enqueue(line);
            }

            var quarantined = server.QuarantineChunks ? ids.Select(id => id + "#0: instruction-like text").ToArray() : [];
            return Results.Json(new { systemPromptLines = server.SystemPromptLines.Count, documents = ids, quarantined });
        });
        app.MapDelete("/fast/plant", (HttpRequest request) =>
        {
            var server = current();
            if (request.Query["id"].Count == 0)
            {
                // Like the real hook: without ids everything planted goes, system-prompt lines included.
                server.Events.Enqueue("delete-all");
                server.SystemPromptLines.Clear();
                server.Documents.Clear();
                return Results.StatusCode(server.DeleteStatus);
            }

            server.Events.Enqueue("delete");
            foreach (var id in request.Query["id"])
            {
                server.DeletedIds.Enqueue(id!);
                server.Documents.TryRemove(id!, out _);
            }

            return Results.StatusCode(server.DeleteStatus);
        });
        app.MapPost("/api/chat", (ChatBody body) =>
        {
            var server = current();
            server.Events.Enqueue("chat");
            return Results.Json(new { answer = $"You asked '{body.Message}'. " + string.Join(" ", server.Documents.Values.Select(document => document.Text)) });
        });
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record PlantBody(IReadOnlyList<PlantBody.Document> Documents, IReadOnlyList<string>? SystemPrompt = null)
    {
        internal sealed record Document(string Id, string Title, string Text, IReadOnlyList<string> Groups);
    }

    internal sealed record ChatBody(string Message, string ConversationId);
}
