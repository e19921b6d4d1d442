using System.Net;
using System.Net.Sockets;
using System.Text.Json;
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
    private readonly List<string> deletes;

    private ChatTestServer(WebApplication app, string address, List<string> deletes)
    {
        this.app = app;
        this.deletes = deletes;
        Address = address;
    }

    public string Address { get; }

    /// <summary>The query string of every <c>DELETE /fast/plant</c>, in order (empty for a bare delete).</summary>
    public IReadOnlyList<string> Deletes
    {
        get
        {
            lock (deletes)
            {
                return [.. deletes];
            }
        }
    }

    public static Task<ChatTestServer> StartAsync(Func<string, IResult> respond) => StartAsync(respond, plants: null);

    public static Task<ChatTestServer> StartAsync(Func<string, IResult> respond, List<(string? Authorization, string Body)>? plants) =>
        StartAsync((message, _) => respond(message), plants);

    /// <param name="respond">Answers a chat message, given the system-prompt lines planted and not yet removed.</param>
    /// <param name="plants">
    /// When given, the server also has the planting hook: each <c>POST /fast/plant</c> body is recorded with its
    /// <c>Authorization</c> header and answered with the stored ids (<c>fast-</c> prefixed), and <c>DELETE /fast/plant</c>
    /// answers 204; without ids it also removes the planted system-prompt lines, like the real hook.
    /// </param>
    public static async Task<ChatTestServer> StartAsync(Func<string, IReadOnlyList<string>, IResult> respond, List<(string? Authorization, string Body)>? plants)
    {
        List<string> lines = [];
        List<string> deletes = [];
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/chat", (ChatBody body) =>
        {
            lock (lines)
            {
                return respond(body.Message, [.. lines]);
            }
        });
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

                var plant = JsonSerializer.Deserialize<PlantBody>(body, JsonSerializerOptions.Web)!;
                lock (lines)
                {
                    lines.AddRange(plant.SystemPrompt ?? []);
                    return Results.Json(new { systemPromptLines = lines.Count, documents = (plant.Documents ?? []).Select(document => "fast-" + document.Id).ToArray() });
                }
            });
            app.MapDelete("/fast/plant", (HttpRequest request) =>
            {
                lock (deletes)
                {
                    deletes.Add(request.QueryString.Value ?? string.Empty);
                }

                if (request.Query["id"].Count == 0)
                {
                    lock (lines)
                    {
                        lines.Clear();
                    }
                }

                return Results.NoContent();
            });
        }

        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ChatTestServer(app, address, deletes);
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

    internal sealed record PlantBody(IReadOnlyList<string>? SystemPrompt, IReadOnlyList<PlantDocument>? Documents);

    internal sealed record PlantDocument(string Id);
}
