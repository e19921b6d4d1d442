namespace GoldenPath.Guardrails;

/// <summary>
/// A logistic regression over <see cref="NgramFeaturizer"/> features, with a calibration learned by
/// cross-validation that maps its margin to the probability the rail combines with the signature score.
/// Weights are held at half precision, the precision of the model file, so a model in memory and the same
/// model read back from its file score identically.
/// </summary>
internal sealed class InjectionModel
{
    public const string ResourceName = "GoldenPath.Guardrails.injection-model.bin";

    private static readonly Lazy<InjectionModel> s_embedded = new(LoadEmbedded);

    [ThreadStatic]
    private static ViewFeatures? t_features;

    [ThreadStatic]
    private static FeatureVector? t_vector;

    [ThreadStatic]
    private static SlidingWindow? t_window;

    private readonly float[] _weights;

    public InjectionModel(ReadOnlySpan<float> weights, float bias, float scale, float offset, int windowLength, int windowStride)
    {
        if (weights.Length != 1 << NgramFeaturizer.BucketBits)
        {
            throw new ArgumentException($"Expected {1 << NgramFeaturizer.BucketBits} weights, got {weights.Length}.", nameof(weights));
        }

        // A window's counts are held in 16 bits (SlidingWindow): per character it holds at most two grams, and a word
        // and a pair at WordWeight each (ideographic text), which could all share a bucket.
        if (windowLength < 32 || windowLength > SlidingWindow.MaxCount / (2 + (2 * NgramFeaturizer.WordWeight)) || windowStride < 1 || windowStride > windowLength)
        {
            throw new ArgumentException($"Window {windowLength} with stride {windowStride} is not usable.", nameof(windowLength));
        }

        _weights = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            _weights[i] = (float)(Half)weights[i];
        }

        Bias = (float)(Half)bias;
        Scale = scale;
        Offset = offset;
        WindowLength = windowLength;
        WindowStride = windowStride;
    }

    /// <summary>The model shipped in the assembly, read once.</summary>
    /// <exception cref="InvalidDataException">The embedded model is missing or corrupt.</exception>
    public static InjectionModel Embedded => s_embedded.Value;

    public ReadOnlySpan<float> Weights => _weights;

    public float Bias { get; }

    /// <summary>Calibration: probability = sigmoid(Scale * margin + Offset).</summary>
    public float Scale { get; }

    public float Offset { get; }

    public int WindowLength { get; }

    public int WindowStride { get; }

    /// <summary>The raw margin (weights · features + bias) of folded text read as one window.</summary>
    public double Margin(ReadOnlySpan<char> window)
    {
        var features = t_features ??= new ViewFeatures();
        features.Load(window);
        return Margin(features, 0, window.Length);
    }

    /// <summary>The raw margin of the window [from, to) of a loaded view.</summary>
    private double Margin(ViewFeatures features, int from, int to)
    {
        var vector = t_vector ??= new FeatureVector();
        vector.Reset(NgramFeaturizer.MaxFeatures(to - from));
        features.AddTo(from, to, vector);
        vector.Normalize();

        var sum = 0f;
        var indices = vector.Indices;
        var values = vector.Values;
        for (var i = 0; i < indices.Length; i++)
        {
            sum += _weights[indices[i]] * values[i];
        }

        return sum + Bias;
    }

    public double Probability(double margin) => 1 / (1 + Math.Exp(-((Scale * margin) + Offset)));

    /// <summary>The highest calibrated probability over every window of every view the model looks at.</summary>
    public ModelScore Score(NormalizedText text)
    {
        var best = double.NegativeInfinity;
        var window = default(EvidenceSpan);
        var features = t_features ??= new ViewFeatures();
        var sliding = t_window ??= new SlidingWindow();
        foreach (var view in ModelWindows.Views(text))
        {
            var chars = view.Text.AsMemory();
            features.Load(chars.Span);
            features.StartWindow(sliding, _weights);
            foreach (var (start, length) in ModelWindows.Ranges(chars, WindowLength, WindowStride))
            {
                if (length == 0)
                {
                    continue;
                }

                features.MoveWindow(sliding, start, start + length);
                // A later window has to beat the best by more than rounding, so equal windows keep the first.
                var margin = sliding.Margin(Bias);
                if (margin > best + 1e-9)
                {
                    best = margin;
                    window = view.ToRaw(start, length);
                }
            }

            features.MoveWindow(sliding, 0, 0);
        }

        return double.IsNegativeInfinity(best) ? new ModelScore(0, default) : new ModelScore(Probability(best), window);
    }

    public void Write(Stream stream) => InjectionModelFile.Write(this, stream);

    /// <exception cref="InvalidDataException">The data is not a model this version can read.</exception>
    public static InjectionModel Read(Stream stream, string source) => InjectionModelFile.Read(stream, source);

    private static InjectionModel LoadEmbedded()
    {
        using var stream = typeof(InjectionModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException(
                $"The embedded resource '{ResourceName}' is missing from {typeof(InjectionModel).Assembly.GetName().Name}. " +
                "Fix: run build/train-guardrails.sh and rebuild.");
        return Read(stream, ResourceName);
    }
}
