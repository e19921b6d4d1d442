using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;

namespace GoldenPath.Guardrails.Benchmarks;

/// <summary>
/// One call per measured iteration, pinned to one core, so the iteration statistics are the per-call latency
/// distribution a request sees (p50 and p99), not an average over millions of calls.
/// </summary>
/// <remarks>
/// Warm-up is long on purpose: pinned to one core, the background tiered JIT shares that core with the benchmark,
/// and after 500 single-call warm-ups it was still compiling hundreds of methods during the measured iterations,
/// which tripled the median. A server that has taken a few thousand requests is past that point.
/// </remarks>
public sealed class LatencyConfig : ManualConfig
{
    public LatencyConfig()
    {
        AddJob(Job.Default
            .WithId("per-call")
            .WithAffinity(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(5000)
            .WithIterationCount(5000));
        AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
        AddExporter(MarkdownExporter.GitHub);
        AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray());
        AddValidator(DefaultConfig.Instance.GetValidators().ToArray());
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(new PercentileColumn(50), new PercentileColumn(99));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.DisableLogFile);
    }
}
