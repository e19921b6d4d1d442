using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GoldenPath.Guardrails.Training;

/// <summary>
/// Trains the linear model with ML.NET's L-BFGS logistic regression on one thread, which makes it deterministic.
/// Long attacks are a multiple-instance problem (only some window holds the instruction), so training runs twice:
/// first on texts that fit one window, then with each attack represented by the window the first model finds most
/// suspicious. Benign texts contribute every window of every view, since none of them may fire.
/// </summary>
internal sealed class LogisticTrainer(TrainingSettings settings)
{
    private static readonly int s_dimensions = 1 << NgramFeaturizer.BucketBits;

    public LinearModel Train(IReadOnlyList<FeaturizedText> texts)
    {
        var first = Fit(Rows(texts, previous: null));
        return Fit(Rows(texts, first.Quantized()));
    }

    private static List<Row> Rows(IReadOnlyList<FeaturizedText> texts, LinearModel? previous)
    {
        var positives = new List<Instance>();
        var negatives = new List<Instance>();
        foreach (var text in texts)
        {
            if (!text.Entry.IsAttack)
            {
                negatives.AddRange(text.Windows);
            }
            else if (previous is null)
            {
                if (text.Primary is { } primary)
                {
                    positives.Add(primary);
                }
            }
            else if (text.BestWindow(previous.Weights, previous.Bias) is { } best)
            {
                positives.Add(best);
            }
        }

        // Both classes carry the same total weight, however many windows each has.
        var total = positives.Count + negatives.Count;
        var positiveWeight = (float)total / (2 * positives.Count);
        var negativeWeight = (float)total / (2 * negatives.Count);
        return
        [
            .. positives.Select(p => new Row(true, p, positiveWeight)),
            .. negatives.Select(n => new Row(false, n, negativeWeight)),
        ];
    }

    private LinearModel Fit(List<Row> rows)
    {
        var ml = new MLContext(settings.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, s_dimensions);
        var data = ml.Data.LoadFromEnumerable(rows, schema);

        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            ExampleWeightColumnName = nameof(Row.Weight),
            L2Regularization = settings.L2Regularization,
            L1Regularization = settings.L1Regularization,
            OptimizationTolerance = 1e-5f,
            MaximumNumberOfIterations = 300,
            NumberOfThreads = 1,
            ShowTrainingStatistics = false,
        });

        var model = trainer.Fit(data).Model.SubModel;
        var weights = new float[s_dimensions];
        var buffer = model.Weights;
        for (var i = 0; i < buffer.Count; i++)
        {
            weights[i] = buffer[i];
        }

        return new LinearModel(weights, model.Bias);
    }

    private sealed class Row(bool label, Instance instance, float weight)
    {
        public bool Label { get; set; } = label;

        public VBuffer<float> Features { get; set; } = new(s_dimensions, instance.Indices.Length, instance.Values, instance.Indices);

        public float Weight { get; set; } = weight;
    }
}
