namespace GoldenPath.Guardrails;

/// <summary>
/// Flags answer sentences whose content words are mostly absent from the retrieved context. It is a lexical
/// check: it cannot tell a paraphrase from an invention, so its default action is to flag for review rather
/// than block. Refusals, courtesy sentences and citation markers make no claim and are skipped.
/// </summary>
internal sealed class GroundingRail(GroundingRailSettings settings) : IRail
{
    public const string Name = "grounding";
    public const string Category = "ungrounded";

    /// <summary>A sentence with fewer content words than this says too little to judge.</summary>
    private const int MinContentWords = 2;

    public void Evaluate(RailContext context)
    {
        var sources = context.Request.Context;
        if (settings.Action == RailAction.Allow || sources.Count == 0 || context.Stage != RailStage.Output)
        {
            return;
        }

        var supported = ContextVocabulary.For(sources).Keys;
        if (supported.Count == 0)
        {
            return;
        }

        var view = context.Text.Clean;
        var text = view.Text.AsSpan();
        List<EvidenceSpan>? evidence = null;
        var checkedWords = 0;
        var unsupportedWords = 0;
        foreach (var (start, length) in SentenceSplitter.Split(text))
        {
            // A sentence that ends in a stream's seam was judged with the segment before.
            if (context.SeamLength > 0 && view.ToRaw(start, length).End <= context.SeamLength)
            {
                continue;
            }

            var sentence = text.Slice(start, length);
            if (Refusals.IsRefusal(sentence))
            {
                continue;
            }

            var (total, found) = Support(sentence, supported);
            if (total < MinContentWords)
            {
                continue;
            }

            checkedWords += total;
            if (found < settings.MinSupport * total)
            {
                unsupportedWords += total - found;
                (evidence ??= []).Add(view.ToRaw(start, length));
            }
        }

        if (evidence is not null)
        {
            context.Report(Name, settings.Action, Category, (double)unsupportedWords / checkedWords, evidence);
        }
    }

    private static (int Total, int Found) Support(ReadOnlySpan<char> sentence, KeySet supported)
    {
        var total = 0;
        var found = 0;
        var words = new WordScanner(sentence);
        while (words.MoveNext())
        {
            // "[1]" is a citation marker, not a claim.
            if (words.Start > 0 && SentenceSplitter.CitationLength(sentence[(words.Start - 1)..]) > 0)
            {
                continue;
            }

            if (ContentWords.TryGetKey(words.Current, skipCourtesy: true, out var key))
            {
                total++;
                if (supported.Contains(key))
                {
                    found++;
                }
            }
        }

        return (total, found);
    }
}
