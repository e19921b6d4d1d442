using BenchmarkDotNet.Running;
using GoldenPath.Guardrails.Benchmarks;

// dotnet run -c Release --project benchmarks/GoldenPath.Guardrails.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/GoldenPath.Guardrails.Benchmarks -- --per-rail [iterations]
if (args is ["--per-rail", ..])
{
    RailBreakdown.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RailSetBenchmarks).Assembly).Run(args, new LatencyConfig());
