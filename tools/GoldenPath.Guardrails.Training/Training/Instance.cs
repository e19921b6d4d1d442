namespace GoldenPath.Guardrails.Training;

/// <summary>One window of one view of a corpus text, featurized as a sparse, sorted vector.</summary>
internal sealed record Instance(int[] Indices, float[] Values)
{
    /// <summary>The window [from, to) of a loaded view, with exactly the features the rail scores at run time.</summary>
    public static Instance From(ViewFeatures features, int from, int to)
    {
        var vector = new FeatureVector();
        vector.Reset(NgramFeaturizer.MaxFeatures(to - from));
        features.AddTo(from, to, vector);
        vector.Normalize();
        var (indices, values) = vector.ToSorted();
        return new Instance(indices, values);
    }

    public double Margin(ReadOnlySpan<float> weights, float bias)
    {
        var sum = 0f;
        for (var i = 0; i < Indices.Length; i++)
        {
            sum += weights[Indices[i]] * Values[i];
        }

        return sum + bias;
    }
}
