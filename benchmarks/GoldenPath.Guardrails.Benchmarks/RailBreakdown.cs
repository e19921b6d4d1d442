using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace GoldenPath.Guardrails.Benchmarks;

/// <summary>
/// <c>--per-rail</c>: where the time of one evaluation goes, read from the engine's own per-rail duration histogram,
/// with normalization as the remainder. A quick profile, not a replacement for the BenchmarkDotNet figures.
/// </summary>
internal static class RailBreakdown
{
    /// <summary>Where the time goes for one text of your own, as input and as output.</summary>
    public static void Run(int iterations, string file)
    {
        var text = File.ReadAllText(file);
        var engine = new GuardrailEngine(
            GuardrailPolicy.Parse("""{ "version": "profile", "rails": { "inputLength": { "enabled": false } } }""", "profile.json"),
            new GuardrailOptions { Canary = "GP-PROFILE-CANARY-1234" });
        Measure($"input, {file}", iterations, () => engine.EvaluateInput(text));
        Measure($"output, {file}", iterations, () => engine.EvaluateOutput(text));
    }

    public static void Run(int iterations)
    {
        var setup = new RailSetBenchmarks();
        setup.Setup();
        var prompt = BenchmarkTexts.Prompt(4096);
        var answer = BenchmarkTexts.Answer(4096);
        Time("normalize, 4 KB prompt", iterations, () => TextNormalizer.Normalize(prompt));
        Time("normalize, 4 KB answer", iterations, () => TextNormalizer.Normalize(answer));
        var identity = TextView.Identity(prompt);
        var clean = TextNormalizer.Clean(identity);
        Time("  clean", iterations, () => TextNormalizer.Clean(identity));
        Time("  fold + collapse", iterations, () => TextNormalizer.Fold(clean));
        Time("  decode payloads", iterations, () => TextNormalizer.DecodePayloads(prompt));
        Time("normalize + rot13 + reversed views, 4 KB prompt", iterations, () =>
        {
            var normalized = TextNormalizer.Normalize(prompt);
            return normalized.Rot13View.Text.Length + normalized.ReversedView.Text.Length;
        });
        var normalizedPrompt = TextNormalizer.Normalize(prompt);
        Time("  injection signatures", iterations, () => PromptInjectionRail.ScoreSignatures(normalizedPrompt).Score);
        Time("  injection model", iterations, () => InjectionModel.Embedded.Score(normalizedPrompt).Probability);
        if (Environment.GetEnvironmentVariable("GOLDENPATH_BENCH_SIGNATURES") == "1")
        {
            var anchorHits = new List<(int Position, ulong Signatures)>();
            Time("    anchor search, folded view", iterations, () => { anchorHits.Clear(); return PromptInjectionRail.FoldedAnchors.Hits(normalizedPrompt.Folded.Text, anchorHits); });
            var leadHits = new List<(int Position, ulong Signatures)>();
            Time("    anchor and lead search, folded view", iterations, () =>
            {
                anchorHits.Clear();
                leadHits.Clear();
                return PromptInjectionRail.FoldedAnchors.Hits(normalizedPrompt.Folded.Text, 0, anchorHits, leadHits, out _);
            });
            Console.WriteLine($"    {anchorHits.Count} anchor hits, {leadHits.Count} lead hits in {normalizedPrompt.Folded.Text.Length} characters");
            Time("    unreadable stretches", iterations, () => ReadableText.UnreadableStretches(normalizedPrompt.Folded.Text).Count());
            Time("    lower-cased clean view", iterations, () => normalizedPrompt.Clean.Text.ToLowerInvariant().Length);

            // Which signatures the prompt's anchors wake up, and what running them near their anchors costs.
            var view = normalizedPrompt.Folded.Text;
            var hits = new List<(int Position, ulong Signatures)>();
            var leads = new List<(int Position, ulong Signatures)>();
            PromptInjectionRail.FoldedAnchors.Hits(view, 0, hits, leads, out _);
            for (var s = 0; s < InjectionSignatures.All.Count; s++)
            {
                var bit = 1UL << s;
                var count = hits.Count(h => (h.Signatures & bit) != 0);
                if (count == 0)
                {
                    continue;
                }

                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < 200; i++)
                {
                    PromptInjectionRail.MatchNearAnchors(InjectionSignatures.All[s], view, hits, leads, bit);
                }

                Console.WriteLine($"    {InjectionSignatures.All[s].Id,-28} {count,4} hits {Stopwatch.GetElapsedTime(started).TotalMicroseconds / 200,8:0.0} us");
            }
        }

        Measure("input, 4 KB prompt", iterations, setup.Input);
        Measure("input, 4 KB prompt with injection", iterations, setup.InputWithInjection);
        Measure("output, 4 KB answer", iterations, setup.Output);
        Measure("output, 4 KB answer streamed", iterations, setup.OutputStreamed);
    }

    private static void Measure(string name, int iterations, Func<GuardrailVerdict> evaluate)
    {
        for (var i = 0; i < Math.Min(200, Math.Max(1, iterations / 10)); i++)
        {
            evaluate();
        }

        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == GuardrailsTelemetry.RailDurationHistogramName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == GuardrailsTelemetry.RailTag)
                {
                    var rail = (string)tag.Value!;
                    totals[rail] = totals.GetValueOrDefault(rail) + seconds;
                }
            }
        });
        listener.Start();

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            evaluate();
        }

        var total = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"{name}: {Micro(total / iterations)} us per call");
        foreach (var (rail, seconds) in totals.OrderByDescending(t => t.Value))
        {
            Console.WriteLine($"  {rail,-22} {Micro(seconds / iterations),8} us");
        }

        Console.WriteLine($"  {"(normalization, rest)",-22} {Micro((total - totals.Values.Sum()) / iterations),8} us");
    }

    private static void Time<T>(string name, int iterations, Func<T> action)
    {
        for (var i = 0; i < Math.Min(200, iterations); i++)
        {
            action();
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            action();
        }

        Console.WriteLine($"{name}: {Micro(Stopwatch.GetElapsedTime(started).TotalSeconds / iterations)} us per call");
    }

    private static string Micro(double seconds) => (seconds * 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
