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
/// and promotes a method only after a quiet spell with no new first-tier compilations. Measured in 500-call blocks
/// on one core, the input set reached its steady state only after about 10,000 calls (6 seconds), and at once with
/// that delay set to zero; 5,000 warm-up calls left the first measured thousand at twice the final median. A server
/// that has taken some ten thousand requests is past that point.
/// <para>
/// No full collection is forced between iterations. With one call per iteration, BenchmarkDotNet's default forces one
/// before every call, which no server does and which empties the caches: the injection model's megabyte of weights is
/// then read from memory on every call, and the input set measured twice its steady-state time. The docs give both.
/// </para>
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
            .WithGcForce(false)
            .WithWarmupCount(20000)
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
