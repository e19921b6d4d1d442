namespace GoldenPath.Guardrails;

/// <summary>
/// Blocks answers that repeat the system prompt. Both texts are folded (case, spacing, look-alikes, leetspeak)
/// and compared as word n-grams. An answer leaks when it shares a run of at least n words with the prompt and
/// the shared runs cover <see cref="SystemPromptLeakRailSettings.Threshold"/> of the prompt, or when it quotes
/// three distinct n-grams, which catches long prompts copied piecemeal. Phrases shorter than n words, the
/// common ground of any two texts on one subject, never count.
/// </summary>
internal sealed class SystemPromptLeakRail(SystemPromptLeakRailSettings settings) : IRail
{
    public const string Name = "system-prompt-leak";
    public const string Category = "system-prompt-leak";

    /// <summary>Distinct quoted n-grams that leak a prompt whatever its length.</summary>
    private const int DistinctQuotes = 3;

    private readonly int _n = settings.NGram;

    public void Evaluate(RailContext context)
    {
        var prompt = context.Request.SystemPrompt;
        if (settings.Action == RailAction.Allow || context.Stage != RailStage.Output || string.IsNullOrWhiteSpace(prompt))
        {
            return;
        }

        var view = context.Text.Folded;
        var answer = WordSequence.Of(view.Text);
        if (answer.Count < _n)
        {
            return;
        }

        var prompted = PromptIndex.For(prompt, _n);
        if (prompted.WordCount < _n)
        {
            return;
        }

        var index = prompted.NGrams;

        // Allocated on the first quoted n-gram: most answers (and most segments of a stream) quote none.
        bool[]? quoted = null;
        bool[]? promptQuoted = null;
        for (var i = 0; i + _n <= answer.Count; i++)
        {
            var first = index.Find(NGramIndex.Hash(answer.Hashes, i, _n));
            if (first < 0)
            {
                continue;
            }

            quoted ??= new bool[answer.Count];
            promptQuoted ??= new bool[prompted.WordCount];
            quoted.AsSpan(i, _n).Fill(true);
            for (var at = first; at >= 0; at = index.Next(at))
            {
                promptQuoted.AsSpan(at, _n).Fill(true);
            }
        }

        if (quoted is null || promptQuoted is null)
        {
            return;
        }

        var coverage = (double)promptQuoted.Count(static q => q) / prompted.WordCount;
        var evidence = new List<EvidenceSpan>();
        var distinct = new HashSet<ulong>();
        var run = 0;
        while (run < answer.Count)
        {
            if (!quoted[run])
            {
                run++;
                continue;
            }

            var end = run;
            while (end < answer.Count && quoted[end])
            {
                end++;
            }

            // Count non-overlapping n-grams so one quoted sentence is not counted once per word.
            for (var at = run; at + _n <= end; at += _n)
            {
                distinct.Add(NGramIndex.Hash(answer.Hashes, at, _n));
            }

            var startChar = answer.Starts[run];
            evidence.Add(view.ToRaw(startChar, answer.Ends[end - 1] - startChar));
            run = end;
        }

        if (coverage >= settings.Threshold || distinct.Count >= DistinctQuotes)
        {
            context.Report(Name, settings.Action, Category, Math.Min(1.0, coverage), evidence);
        }
    }
}
