using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RagChatbot._1.Tests.Chat;

namespace RagChatbot._1.Tests.Telemetry;

/// <summary>A chat turn is one trace, as the Aspire dashboard shows it, and no span carries what the user typed.</summary>
public sealed class ChatTraceTests
{
    private const string Question = "How many floating holidays do employees get per calendar year?";

    [Fact]
    public async Task AChatTurnIsOneTraceWithGenAiAttributesAndNoPromptText()
    {
        var spans = new List<Activity>();
        await using var factory = new ApiFactory();
        await using var traced = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans))));
        var client = traced.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(DemoUser.Bob));

        var response = await client.PostAsJsonAsync("/api/chat", new { message = Question }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        var trace = await WaitForTraceAsync(spans);
        var names = trace.Select(s => s.DisplayName).ToList();
        Assert.Contains("guardrails.input", names);
        Assert.Contains("retrieval.search", names);
        Assert.Contains("guardrails.output", names);

        var model = Assert.Single(trace, s => (string?)s.GetTagItem("gen_ai.operation.name") == "chat");
        Assert.NotNull(model.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.NotNull(model.GetTagItem("gen_ai.usage.output_tokens"));

        foreach (var span in trace)
        {
            Assert.DoesNotContain(span.TagObjects, tag => tag.Value is string text && text.Contains("floating holidays", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(span.Events.SelectMany(e => e.Tags), tag => tag.Value is string text && text.Contains("floating holidays", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The server span ends just after the response is written, so it may land a moment after the client returns.</summary>
    private static async Task<List<Activity>> WaitForTraceAsync(List<Activity> spans)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            lock (spans)
            {
                var server = spans.FirstOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/chat", StringComparison.Ordinal));
                if (server is not null)
                {
                    return [.. spans.Where(s => s.TraceId == server.TraceId)];
                }
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("No server span for POST /api/chat was exported.");
    }
}
