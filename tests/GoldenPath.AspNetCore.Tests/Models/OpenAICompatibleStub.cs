using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldenPath.AspNetCore.Tests.Models;

/// <summary>
/// A real HTTP server on loopback that speaks the OpenAI chat completions wire format, so the provider's own
/// client code runs end to end without a cloud account.
/// </summary>
internal sealed class OpenAICompatibleStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<(string Path, string? Authorization, JsonNode Body)> Requests { get; } = new();

    public string Answer { get; set; } = "The office closes on Christmas Day.";

    private OpenAICompatibleStub(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1/");

    public static async Task<OpenAICompatibleStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new OpenAICompatibleStub(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
            stub.Requests.Enqueue((context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
            return Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-stub",
                ["object"] = "chat.completion",
                ["created"] = 1_764_000_000,
                ["model"] = (string?)body["model"] ?? "unknown",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = stub.Answer },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 12, ["completion_tokens"] = 7, ["total_tokens"] = 19 },
            });
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return stub;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
