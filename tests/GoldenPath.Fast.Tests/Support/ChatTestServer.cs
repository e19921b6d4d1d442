using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoldenPath.Fast.Tests.Support;

/// <summary>A real Kestrel chat endpoint on 127.0.0.1 with a random port, answering through a test-supplied function.</summary>
internal sealed class ChatTestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ChatTestServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<ReceivedTurn> Received { get; } = new();

    public static async Task<ChatTestServer> StartAsync(Func<string, IResult> respond, CancellationToken cancellationToken)
    {
        ChatTestServer? server = null;
        var (app, address) = await LoopbackApp.StartAsync(
            app => app.MapPost("/api/chat", (ChatBody body, HttpRequest request) =>
            {
                server!.Received.Enqueue(new ReceivedTurn(body.Message, body.ConversationId, request.Headers.Authorization.ToString()));
                return respond(body.Message);
            }),
            cancellationToken);
        server = new ChatTestServer(app, address);
        return server;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    internal sealed record ChatBody(string Message, string ConversationId);

    internal sealed record ReceivedTurn(string Message, string ConversationId, string Authorization);
}
