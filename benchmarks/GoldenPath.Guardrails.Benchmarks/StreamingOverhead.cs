using System.Diagnostics;

namespace GoldenPath.Guardrails.Benchmarks;

/// <summary>
/// <c>--streaming-overhead</c>: what streaming adds over checking the same answer in one piece, measured as pairs.
/// BenchmarkDotNet runs each benchmark in its own process, minutes apart, and on a shared virtual machine the
/// one-piece and streamed figures drifted by a third between runs, which swamps a 20 % difference. Here the two
/// alternate call by call in one process pinned to one core, so both see the same machine, and the overhead is the
/// ratio of their medians (and of every percentile).
/// </summary>
internal static class StreamingOverhead
{
    public static void Run(int pairs)
    {
        // One core, as in the BenchmarkDotNet job: no background thread shares it unseen.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var setup = new RailSetBenchmarks();
        setup.Setup();
        for (var i = 0; i < pairs; i++)
        {
            setup.Output();
            setup.OutputStreamed();
        }

        var whole = new double[pairs];
        var streamed = new double[pairs];
        for (var i = 0; i < pairs; i++)
        {
            // Alternate which goes first, so neither always inherits the other's cache state.
            if (i % 2 == 0)
            {
                whole[i] = Time(setup.Output);
                streamed[i] = Time(setup.OutputStreamed);
            }
            else
            {
                streamed[i] = Time(setup.OutputStreamed);
                whole[i] = Time(setup.Output);
            }
        }

        Array.Sort(whole);
        Array.Sort(streamed);
        Console.WriteLine($"{pairs:N0} pairs after {pairs:N0} warm-up pairs, one core");
        Console.WriteLine($"{"",-28} {"p50 us",10} {"p90 us",10} {"p99 us",10}");
        Console.WriteLine($"{"output, 4 KB in one piece",-28} {At(whole, 50),10:F1} {At(whole, 90),10:F1} {At(whole, 99),10:F1}");
        Console.WriteLine($"{"output, 16-char chunks",-28} {At(streamed, 50),10:F1} {At(streamed, 90),10:F1} {At(streamed, 99),10:F1}");
        Console.WriteLine($"{"streaming adds",-28} {Added(50),9:F1}% {Added(90),9:F1}% {Added(99),9:F1}%");

        double Added(int percentile) => 100 * ((At(streamed, percentile) / At(whole, percentile)) - 1);
    }

    private static double Time(Func<GuardrailVerdict> evaluate)
    {
        var started = Stopwatch.GetTimestamp();
        evaluate();
        return Stopwatch.GetElapsedTime(started).TotalMicroseconds;
    }

    private static double At(double[] sorted, int percentile) => sorted[Math.Min(sorted.Length - 1, sorted.Length * percentile / 100)];
}
