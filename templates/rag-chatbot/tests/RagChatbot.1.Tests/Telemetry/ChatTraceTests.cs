using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
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
        // Tests run in parallel in one process and activity listeners are process-wide, so this turn carries its own
        // trace id and the collector keeps only that trace.
        var traceId = ActivityTraceId.CreateRandom();
        var collector = new TraceCollector(traceId);
        await using var factory = new ApiFactory();
        await using var traced = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(collector)))));
        var client = traced.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(DemoUser.Bob));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { message = Question }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        var trace = await collector.WaitForServerSpanAsync();
        var names = trace.Select(s => s.DisplayName).ToList();
        Assert.Contains("apply_guardrail input", names);
        Assert.Contains("retrieval.search", names);
        Assert.Contains("apply_guardrail output", names);

        var model = Assert.Single(trace, s => (string?)s.GetTagItem("gen_ai.operation.name") == "chat");
        Assert.NotNull(model.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.NotNull(model.GetTagItem("gen_ai.usage.output_tokens"));

        foreach (var span in trace)
        {
            Assert.DoesNotContain(span.TagObjects, tag => tag.Value is string text && text.Contains("floating holidays", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(span.Events.SelectMany(e => e.Tags), tag => tag.Value is string text && text.Contains("floating holidays", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Keeps the spans of one trace, safely across the threads that end them.</summary>
    private sealed class TraceCollector(ActivityTraceId traceId) : BaseExporter<Activity>
    {
        private readonly ConcurrentQueue<Activity> _spans = new();

        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                if (activity.TraceId == traceId)
                {
                    _spans.Enqueue(activity);
                }
            }

            return ExportResult.Success;
        }

        /// <summary>The server span ends just after the response is written, so it may land a moment after the client returns.</summary>
        public async Task<List<Activity>> WaitForServerSpanAsync()
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                if (_spans.Any(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/chat", StringComparison.Ordinal)))
                {
                    return [.. _spans];
                }

                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            throw new TimeoutException("No server span for POST /api/chat was exported for this trace.");
        }
    }
}
