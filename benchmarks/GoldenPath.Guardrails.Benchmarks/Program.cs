using BenchmarkDotNet.Running;
using GoldenPath.Guardrails.Benchmarks;

// dotnet run -c Release --project benchmarks/GoldenPath.Guardrails.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/GoldenPath.Guardrails.Benchmarks -- --per-rail [iterations] [text-file]
// dotnet run -c Release --project benchmarks/GoldenPath.Guardrails.Benchmarks -- --streaming-overhead [pairs]
// dotnet run -c Release --project benchmarks/GoldenPath.Guardrails.Benchmarks -- --cpu-time [calls] [name]
if (args is ["--cpu-time", ..])
{
    ThreadCpuTime.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? args[2] : null);
    return;
}

if (args is ["--streaming-overhead", ..])
{
    StreamingOverhead.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000);
    return;
}

if (args is ["--per-rail", ..])
{
    var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
    if (args.Length > 2)
    {
        RailBreakdown.Run(iterations, args[2]);
    }
    else
    {
        RailBreakdown.Run(iterations);
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RailSetBenchmarks).Assembly).Run(args, new LatencyConfig());
