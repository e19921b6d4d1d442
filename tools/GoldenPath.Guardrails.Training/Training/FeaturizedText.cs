namespace GoldenPath.Guardrails.Training;

/// <summary>
/// A corpus text with every window the model would score at run time, and its signature score. The folded text of
/// a short text is its primary window: the one that says what the text is, before any decoding.
/// </summary>
internal sealed class FeaturizedText
{
    private FeaturizedText(CorpusEntry entry, Instance? primary, IReadOnlyList<Instance> windows, double signatureScore)
    {
        Entry = entry;
        Primary = primary;
        Windows = windows;
        SignatureScore = signatureScore;
    }

    public CorpusEntry Entry { get; }

    /// <summary>The whole folded text when it fits one window; null for longer texts.</summary>
    public Instance? Primary { get; }

    public IReadOnlyList<Instance> Windows { get; }

    public double SignatureScore { get; }

    public static FeaturizedText From(CorpusEntry entry, TrainingSettings settings)
    {
        var normalized = TextNormalizer.Normalize(entry.Text);
        var windows = new List<Instance>();
        Instance? primary = null;
        var features = new ViewFeatures();
        foreach (var view in ModelWindows.Views(normalized))
        {
            var text = view.Text.AsMemory();
            features.Load(text.Span);
            foreach (var (start, length) in ModelWindows.Ranges(text, settings.WindowLength, settings.WindowStride))
            {
                if (length == 0)
                {
                    continue;
                }

                var instance = Instance.From(features, start, start + length);
                windows.Add(instance);
                if (view == normalized.Folded && text.Length <= settings.WindowLength)
                {
                    primary = instance;
                }
            }
        }

        return new FeaturizedText(entry, primary, windows, PromptInjectionRail.ScoreSignatures(normalized).Score);
    }

    /// <summary>The highest margin over all windows, as the rail computes it.</summary>
    public double MaxMargin(ReadOnlySpan<float> weights, float bias)
    {
        var best = double.NegativeInfinity;
        foreach (var window in Windows)
        {
            best = Math.Max(best, window.Margin(weights, bias));
        }

        return double.IsNegativeInfinity(best) ? bias : best;
    }

    public Instance? BestWindow(ReadOnlySpan<float> weights, float bias)
    {
        Instance? best = null;
        var bestMargin = double.NegativeInfinity;
        foreach (var window in Windows)
        {
            var margin = window.Margin(weights, bias);
            if (margin > bestMargin)
            {
                bestMargin = margin;
                best = window;
            }
        }

        return best;
    }
}
