using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GoldenPath.AspNetCore.Telemetry;

public static class GoldenPathTelemetryExtensions
{
    /// <summary>
    /// Adds the GoldenPath sources and meters to the OpenTelemetry pipeline that the service defaults export over OTLP.
    /// </summary>
    public static TBuilder AddGoldenPathTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<GenAiTelemetryOptions>()
            .BindConfiguration(GenAiTelemetryOptions.SectionName)
            .Validate(o => !o.CaptureMessageContent || isDevelopment,
                $"{GenAiTelemetryOptions.SectionName}:CaptureMessageContent may only be true in Development; prompts must not reach telemetry back ends.")
            .ValidateOnStart();

        // Semantic Kernel emits GenAI spans only behind these switches; the sensitive one follows the same Development-only rule.
        AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics", true);
        var capture = builder.Configuration.GetValue<bool>($"{GenAiTelemetryOptions.SectionName}:{nameof(GenAiTelemetryOptions.CaptureMessageContent)}");
        AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", capture && isDevelopment);

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource([.. GoldenPathTelemetry.ActivitySources]))
            .WithMetrics(metrics => metrics.AddMeter([.. GoldenPathTelemetry.Meters]));
        return builder;
    }
}
