using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldenPath.AspNetCore.Tests.Models;

/// <summary>
/// A real HTTP server on loopback that speaks the OpenAI wire format (chat completions, streamed or not, tool calls,
/// embeddings and the models list), so the provider's own client code and HTTP pipeline run end to end without a
/// cloud account. <see cref="Script"/> injects faults and tool calls; <see cref="Requests"/> records every request.
/// </summary>
internal sealed partial class OpenAICompatibleStub : IAsyncDisposable
{
    public const int PromptTokens = 12;
    public const int EmbeddingDimensions = 8;
    public const string ToolAnswerPrefix = "According to the lookup: ";

    private readonly WebApplication _app;
    private int _abortedRequests;

    private OpenAICompatibleStub(WebApplication app) => _app = app;

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public ConcurrentQueue<StubReply> Script { get; } = new();

    public string Answer { get; set; } = "The office closes on Christmas Day.";

    /// <summary>Requests whose caller hung up while a <see cref="StubReply.Delay"/> was pending.</summary>
    public int AbortedRequests => Volatile.Read(ref _abortedRequests);

    public IEnumerable<StubRequest> ChatRequests => Requests.Where(r => r.IsChat);

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    /// <summary>Where OpenAI and Ollama serve the API.</summary>
    public Uri Endpoint => new(BaseAddress, "v1/");

    /// <summary>Where an Azure OpenAI resource serves its OpenAI-compatible API.</summary>
    public Uri AzureEndpoint => new(BaseAddress, "openai/v1/");

    public Uri EndpointFor(string provider) => provider == "AzureOpenAI" ? AzureEndpoint : Endpoint;

    /// <summary>The completion tokens the stub reports for an answer: one per word.</summary>
    public static int CompletionTokens(string text) => Words().Count(text);

    /// <summary>The vector the stub returns for <paramref name="text"/>, derived from its SHA-256 so it is stable across runs.</summary>
    public static float[] VectorFor(string text, int dimensions = EmbeddingDimensions)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return [.. Enumerable.Range(0, dimensions).Select(i => (hash[i % hash.Length] - 128) / 128f)];
    }

    public static async Task<OpenAICompatibleStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new OpenAICompatibleStub(app);
        app.Map("/{**path}", stub.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return stub;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = HttpMethods.IsPost(request.Method)
            ? await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted) ?? new JsonObject()
            : new JsonObject();
        Requests.Enqueue(new StubRequest(
            request.Method,
            request.Path.Value ?? "",
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body));

        Script.TryDequeue(out var reply);
        switch (reply)
        {
            case StubReply.Fault fault:
                await WriteFaultAsync(context, fault);
                return;
            case StubReply.Delay delay:
                try
                {
                    await Task.Delay(delay.Duration, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _abortedRequests);
                    return;
                }

                break;
        }

        var path = request.Path.Value ?? "";
        if (HttpMethods.IsGet(request.Method) && path.EndsWith("/models", StringComparison.Ordinal))
        {
            await WriteJsonAsync(context, ModelList());
        }
        else if (HttpMethods.IsPost(request.Method) && path.EndsWith("/embeddings", StringComparison.Ordinal))
        {
            await WriteJsonAsync(context, Embeddings(body));
        }
        else if (HttpMethods.IsPost(request.Method) && path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            await WriteChatAsync(context, body, reply as StubReply.ToolCall);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static async Task WriteFaultAsync(HttpContext context, StubReply.Fault fault)
    {
        context.Response.StatusCode = fault.StatusCode;
        if (fault.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = fault.RetryAfter;
        }

        await WriteJsonAsync(context, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = $"stub fault {fault.StatusCode}", ["type"] = "stub_error", ["code"] = null },
        });
    }

    private async Task WriteChatAsync(HttpContext context, JsonNode body, StubReply.ToolCall? toolCall)
    {
        var model = (string?)body["model"] ?? "unknown";
        var callsTool = toolCall is not null && body["tools"] is JsonArray { Count: > 0 };
        var text = callsTool ? "" : ToolResult(body) is { } result ? ToolAnswerPrefix + result : Answer;
        var usage = Usage(PromptTokens, CompletionTokens(text));

        if ((bool?)body["stream"] != true)
        {
            var message = new JsonObject { ["role"] = "assistant", ["content"] = callsTool ? null : text };
            if (callsTool)
            {
                message["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = toolCall!.CallId,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = toolCall.Name, ["arguments"] = toolCall.ArgumentsJson },
                });
            }

            await WriteJsonAsync(context, new JsonObject
            {
                ["id"] = "chatcmpl-stub",
                ["object"] = "chat.completion",
                ["created"] = 1_764_000_000,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = message,
                    ["finish_reason"] = callsTool ? "tool_calls" : "stop",
                }),
                ["usage"] = usage,
            });
            return;
        }

        context.Response.ContentType = "text/event-stream";
        if (callsTool)
        {
            // The name arrives first and the arguments in fragments, as real providers stream them.
            var arguments = toolCall!.ArgumentsJson;
            var half = arguments.Length / 2;
            await WriteEventAsync(context, Chunk(model, new JsonObject
            {
                ["role"] = "assistant",
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["id"] = toolCall.CallId,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = toolCall.Name, ["arguments"] = "" },
                }),
            }));
            foreach (var fragment in new[] { arguments[..half], arguments[half..] })
            {
                await WriteEventAsync(context, Chunk(model, new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = fragment } }),
                }));
            }

            await WriteEventAsync(context, Chunk(model, new JsonObject(), "tool_calls"));
        }
        else
        {
            var first = true;
            foreach (Match word in Words().Matches(text))
            {
                var delta = new JsonObject { ["content"] = word.Value };
                if (first)
                {
                    delta["role"] = "assistant";
                    first = false;
                }

                await WriteEventAsync(context, Chunk(model, delta));
            }

            await WriteEventAsync(context, Chunk(model, new JsonObject(), "stop"));
        }

        if ((bool?)body["stream_options"]?["include_usage"] == true)
        {
            var usageChunk = Chunk(model, delta: null);
            usageChunk["usage"] = usage;
            await WriteEventAsync(context, usageChunk);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private static JsonObject Chunk(string model, JsonObject? delta, string? finishReason = null) => new()
    {
        ["id"] = "chatcmpl-stub",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_764_000_000,
        ["model"] = model,
        // The usage chunk carries no choices at all.
        ["choices"] = delta is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    /// <summary>The content of the latest <c>tool</c> message, i.e. the result the caller sent back.</summary>
    private static string? ToolResult(JsonNode body)
    {
        var tool = (body["messages"] as JsonArray)?.LastOrDefault(m => (string?)m?["role"] == "tool");
        return tool?["content"] switch
        {
            JsonValue value => (string?)value,
            JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"])),
            _ => null,
        };
    }

    private static JsonObject Embeddings(JsonNode body)
    {
        string[] inputs = body["input"] switch
        {
            JsonArray array => [.. array.Select(i => (string?)i ?? "")],
            JsonValue value => [(string?)value ?? ""],
            _ => [],
        };
        var dimensions = (int?)body["dimensions"] ?? EmbeddingDimensions;
        var base64 = (string?)body["encoding_format"] == "base64";
        var data = new JsonArray();
        foreach (var (input, index) in inputs.Select((input, index) => (input, index)))
        {
            var vector = VectorFor(input, dimensions);
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = index,
                ["embedding"] = base64
                    ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray())
                    : new JsonArray([.. vector.Select(v => (JsonNode?)v)]),
            });
        }

        var tokens = inputs.Sum(CompletionTokens);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = (string?)body["model"] ?? "unknown",
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
    }

    private static JsonObject ModelList() => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray(new JsonObject { ["id"] = "gpt-test", ["object"] = "model", ["created"] = 1_764_000_000, ["owned_by"] = "stub" }),
    };

    private static JsonObject Usage(int prompt, int completion) => new()
    {
        ["prompt_tokens"] = prompt,
        ["completion_tokens"] = completion,
        ["total_tokens"] = prompt + completion,
    };

    private static Task WriteJsonAsync(HttpContext context, JsonNode json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
    }

    private static async Task WriteEventAsync(HttpContext context, JsonNode chunk)
    {
        await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Words();
}
