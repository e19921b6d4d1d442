using BenchmarkDotNet.Attributes;

namespace GoldenPath.Guardrails.Benchmarks;

/// <summary>
/// The full input and output rail sets of the default policy, as gp-rag runs them, on 4 KB texts; and the same
/// answer streamed in 16-character chunks, to measure what streaming adds over checking it in one piece.
/// </summary>
[MemoryDiagnoser]
public class RailSetBenchmarks
{
    private const int Size = 4096;

    private GuardrailEngine _engine = null!;
    private GuardrailRequest _request = null!;
    private string _prompt = null!;
    private string _attack = null!;
    private string _answer = null!;
    private string[] _chunks = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new GuardrailEngine(GuardrailPolicy.Default, new GuardrailOptions
        {
            Canary = "GP-BENCH-CANARY-5d2e91",
            AllowedLinkHosts = ["intranet.example.com"],
        });
        _request = new GuardrailRequest { SystemPrompt = BenchmarkTexts.SystemPrompt, Context = BenchmarkTexts.Context() };
        _prompt = BenchmarkTexts.Prompt(Size);
        _attack = BenchmarkTexts.PromptWithInjection(Size);
        _answer = BenchmarkTexts.Answer(Size);
        _chunks = BenchmarkTexts.Chunks(_answer, 16);

        // The benchmark is only meaningful if the texts are decided the way production would decide them.
        Require(_engine.EvaluateInput(_prompt, _request).Action != RailAction.Block, "the benign prompt must not be blocked");
        Require(_engine.EvaluateInput(_attack, _request).IsBlocked, "the injected prompt must be blocked");
        Require(_engine.EvaluateOutput(_answer, _request).Action != RailAction.Block, "the grounded answer must not be blocked");
    }

    [Benchmark(Description = "input rails, 4 KB prompt")]
    public GuardrailVerdict Input() => _engine.EvaluateInput(_prompt, _request);

    [Benchmark(Description = "input rails, 4 KB prompt, injection at the end")]
    public GuardrailVerdict InputWithInjection() => _engine.EvaluateInput(_attack, _request);

    [Benchmark(Baseline = true, Description = "output rails, 4 KB answer")]
    public GuardrailVerdict Output() => _engine.EvaluateOutput(_answer, _request);

    [Benchmark(Description = "output rails, 4 KB answer streamed in 16-char chunks")]
    public GuardrailVerdict OutputStreamed()
    {
        var guard = new StreamingOutputGuard(_engine, _request);
        foreach (var chunk in _chunks)
        {
            guard.Append(chunk);
        }

        guard.Complete();
        return guard.Verdict;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup is wrong: {what}.");
        }
    }
}
