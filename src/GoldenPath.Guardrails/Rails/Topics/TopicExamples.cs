namespace GoldenPath.Guardrails;

/// <summary>
/// The example requests of every topic as binary feature vectors, inverted by feature so a sentence is scored
/// against all examples in one pass over its own features. Built once per engine.
/// </summary>
internal sealed class TopicExamples
{
    private readonly int[] _offsets;
    private readonly int[] _postings;
    private readonly int[] _topicOf;
    private readonly double[] _norm;

    public TopicExamples(IReadOnlyList<DeniedTopic> topics)
    {
        var seen = new ulong[TopicFeatures.SetWords];
        var features = new List<int>();
        var byExample = new List<int[]>();
        var topicOf = new List<int>();
        for (var t = 0; t < topics.Count; t++)
        {
            foreach (var example in topics[t].Examples)
            {
                TopicFeatures.Collect(TextNormalizer.Fold(example), seen, features);
                if (features.Count > 0)
                {
                    byExample.Add([.. features]);
                    topicOf.Add(t);
                }

                TopicFeatures.Reset(seen, features);
            }
        }

        // Compressed rows: the examples holding feature f are _postings[_offsets[f].._offsets[f + 1]].
        _offsets = new int[TopicFeatures.Space + 1];
        foreach (var example in byExample)
        {
            foreach (var feature in example)
            {
                _offsets[feature + 1]++;
            }
        }

        for (var f = 0; f < TopicFeatures.Space; f++)
        {
            _offsets[f + 1] += _offsets[f];
        }

        _postings = new int[_offsets[^1]];
        var fill = _offsets[..^1];
        for (var e = 0; e < byExample.Count; e++)
        {
            foreach (var feature in byExample[e])
            {
                _postings[fill[feature]++] = e;
            }
        }

        _topicOf = [.. topicOf];
        _norm = [.. byExample.Select(e => Math.Sqrt(e.Length))];
    }

    public int Count => _topicOf.Length;

    /// <summary>Writes to <paramref name="best"/> (one entry per topic) the highest cosine between the features and any of the topic's examples.</summary>
    public void Score(List<int> features, Span<int> shared, Span<double> best)
    {
        shared.Clear();
        best.Clear();
        foreach (var feature in features)
        {
            for (var p = _offsets[feature]; p < _offsets[feature + 1]; p++)
            {
                shared[_postings[p]]++;
            }
        }

        var norm = Math.Sqrt(features.Count);
        for (var e = 0; e < _topicOf.Length; e++)
        {
            if (shared[e] == 0)
            {
                continue;
            }

            var cosine = shared[e] / (norm * _norm[e]);
            ref var topicBest = ref best[_topicOf[e]];
            topicBest = Math.Max(topicBest, cosine);
        }
    }
}
