using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldenPath.Cli.Tests.Support;

/// <summary>A real Kestrel chat endpoint on 127.0.0.1 with a random port.</summary>
internal sealed class ChatTestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private ChatTestServer(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    public string Address { get; }

    public static Task<ChatTestServer> StartAsync(Func<string, IResult> respond) => StartAsync(respond, plants: null);

    /// <param name="respond">Answers a chat message.</param>
    /// <param name="plants">
    /// When given, the server also has the planting hook: each <c>POST /fast/plant</c> body is recorded with its
    /// <c>Authorization</c> header, and <c>DELETE /fast/plant</c> answers 204.
    /// </param>
    public static async Task<ChatTestServer> StartAsync(Func<string, IResult> respond, List<(string? Authorization, string Body)>? plants)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/chat", (ChatBody body) => respond(body.Message));
        if (plants is not null)
        {
            app.MapPost("/fast/plant", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                var body = await reader.ReadToEndAsync();
                lock (plants)
                {
                    plants.Add((request.Headers.Authorization.ToString(), body));
                }

                return Results.Json(new { systemPromptLines = 0, documents = Array.Empty<string>() });
            });
            app.MapDelete("/fast/plant", () => Results.NoContent());
        }

        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ChatTestServer(app, address);
    }

    /// <summary>A loopback URL whose port was just bound and released, so nothing listens there.</summary>
    public static string ClosedAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    internal sealed record ChatBody(string Message, string ConversationId);
}
