namespace GoldenPath.Guardrails;

/// <summary>
/// Keeps the conversation off subjects the application must not discuss. A topic matches a sentence that names
/// one of its keywords, or that is as similar to one of its example requests as the topic's threshold asks
/// (cosine of hashed word and character-trigram features). Both run on the folded text, so case, spacing,
/// look-alike letters and leetspeak do not hide a topic.
/// </summary>
internal sealed class DeniedTopicsRail : IRail
{
    public const string Name = "denied-topics";
    public const string CategoryPrefix = "denied-topic:";

    private readonly DeniedTopicsRailSettings _settings;
    private readonly string[] _categories;
    private readonly double[] _thresholds;
    private readonly TopicKeywords _keywords;
    private readonly TopicExamples _examples;

    public DeniedTopicsRail(DeniedTopicsRailSettings settings)
    {
        _settings = settings;
        _categories = [.. settings.Topics.Select(t => CategoryPrefix + t.Name)];
        _thresholds = [.. settings.Topics.Select(t => t.Threshold)];
        _keywords = new TopicKeywords(settings.Topics);
        _examples = new TopicExamples(settings.Topics);
    }

    public void Evaluate(RailContext context)
    {
        var action = context.Stage == RailStage.Input ? _settings.Action : _settings.OutputAction;
        if (action == RailAction.Allow || _categories.Length == 0)
        {
            return;
        }

        var view = context.Text.Folded;
        var evidence = new List<EvidenceSpan>?[_categories.Length];
        var scores = new double[_categories.Length];

        if (!_keywords.IsEmpty)
        {
            var words = WordSequence.Of(view.Text);
            _keywords.Match(words, (topic, first, last) =>
            {
                var start = words.Starts[first];
                Add(evidence, topic, view.ToRaw(start, words.Ends[last] - start));
                scores[topic] = 1.0;
            });
        }

        if (_examples.Count > 0)
        {
            MatchExamples(view, evidence, scores);
        }

        for (var t = 0; t < _categories.Length; t++)
        {
            if (evidence[t] is { } spans)
            {
                context.Report(Name, action, _categories[t], scores[t], spans);
            }
        }
    }

    private void MatchExamples(TextView view, List<EvidenceSpan>?[] evidence, double[] scores)
    {
        Span<ulong> seen = stackalloc ulong[TopicFeatures.SetWords];
        Span<int> shared = _examples.Count <= 256 ? stackalloc int[_examples.Count] : new int[_examples.Count];
        Span<double> best = _categories.Length <= 64 ? stackalloc double[_categories.Length] : new double[_categories.Length];
        var features = new List<int>(256);
        var text = view.Text.AsSpan();
        foreach (var (start, length) in SentenceSplitter.Split(text))
        {
            TopicFeatures.Collect(text.Slice(start, length), seen, features);
            if (features.Count > 0)
            {
                _examples.Score(features, shared, best);
                for (var t = 0; t < best.Length; t++)
                {
                    if (best[t] >= _thresholds[t])
                    {
                        Add(evidence, t, view.ToRaw(start, length));
                        scores[t] = Math.Max(scores[t], best[t]);
                    }
                }
            }

            TopicFeatures.Reset(seen, features);
        }
    }

    private static void Add(List<EvidenceSpan>?[] evidence, int topic, EvidenceSpan span)
    {
        var spans = evidence[topic] ??= [];
        if (!spans.Contains(span))
        {
            spans.Add(span);
        }
    }
}
