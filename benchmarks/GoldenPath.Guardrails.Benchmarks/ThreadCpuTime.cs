using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GoldenPath.Guardrails.Benchmarks;

/// <summary>
/// <c>--cpu-time</c>: the CPU time the calling thread spends per call, best of seven rounds. On a shared machine the
/// wall-clock figures move by a third with the neighbours' load; the thread's own CPU clock does not count the time it
/// waited for a core, so two builds can be compared while something else runs. It still counts cache misses another
/// process causes, which is why it takes the best round rather than the mean.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int Rounds = 7;

    /// <param name="calls">Calls per round.</param>
    /// <param name="only">Measures only the calls whose name contains this, or all of them.</param>
    public static void Run(int calls, string? only = null)
    {
        var setup = new RailSetBenchmarks();
        setup.Setup();
        var normalizedPrompt = TextNormalizer.Normalize(BenchmarkTexts.Prompt(4096));
        (string Name, Action Call)[] measured =
        [
            ("input, 4 KB prompt", () => setup.Input()),
            ("input, 4 KB prompt with injection", () => setup.InputWithInjection()),
            ("output, 4 KB answer", () => setup.Output()),
            ("output, 4 KB answer streamed", () => setup.OutputStreamed()),
            ("  injection signatures, 4 KB prompt", () => PromptInjectionRail.ScoreSignatures(normalizedPrompt)),
            ("  injection model, 4 KB prompt", () => InjectionModel.Embedded.Score(normalizedPrompt)),
            ("  normalization, 4 KB prompt", () => TextNormalizer.Normalize(BenchmarkTexts.Prompt(4096))),
        ];

        Console.WriteLine($"{"thread CPU time per call, best of " + Rounds + " rounds of " + calls,-44} {"us",8}");
        foreach (var (name, call) in measured.Where(m => only is null || m.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            for (var i = 0; i < calls; i++)
            {
                call();
            }

            var best = double.MaxValue;
            for (var round = 0; round < Rounds; round++)
            {
                var started = Now();
                for (var i = 0; i < calls; i++)
                {
                    call();
                }

                best = Math.Min(best, (Now() - started).TotalMicroseconds / calls);
            }

            Console.WriteLine($"{name,-44} {best,8:F1}");
        }
    }

    private static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        // Elsewhere the wall clock stands in, with the caveat above.
        return Stopwatch.GetElapsedTime(0);
    }

    private const int ThreadCpuClock = 3;

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
