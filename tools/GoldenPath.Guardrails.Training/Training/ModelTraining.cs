namespace GoldenPath.Guardrails.Training;

/// <summary>
/// The whole recipe: featurize the train split, cross-validate by family to get honest out-of-fold margins, fit
/// the calibration on them, train the final model on the whole train split, and measure the held-out split only
/// at the end. The held-out split never influences a weight or a parameter.
/// </summary>
internal sealed class ModelTraining(TrainingSettings settings)
{
    public TrainingResult Run(IReadOnlyList<CorpusEntry> corpus, TextWriter? progress = null)
    {
        var train = corpus.Where(e => !e.IsHeldOut).Select(e => FeaturizedText.From(e, settings)).ToList();
        var trainer = new LogisticTrainer(settings);

        var outOfFold = new List<OutOfFoldScore>(train.Count);
        for (var fold = 0; fold < settings.Folds; fold++)
        {
            progress?.WriteLine($"Cross-validation fold {fold + 1}/{settings.Folds}");
            var model = trainer.Train([.. train.Where(t => Fold(t.Entry) != fold)]).Quantized();
            outOfFold.AddRange(train
                .Where(t => Fold(t.Entry) == fold)
                .Select(t => new OutOfFoldScore(t.Entry, t.MaxMargin(model.Weights, model.Bias), t.SignatureScore)));
        }

        outOfFold.Sort((a, b) => string.CompareOrdinal(a.Entry.Id, b.Entry.Id));
        var (scale, offset) = Calibration.Fit(outOfFold, settings);
        var crossValidated = DetectionRates.Of(
            outOfFold.Select(s => (s.Entry, s.Combined(scale, offset))), settings.BlockThreshold, settings.FlagThreshold);

        progress?.WriteLine("Final model");
        var final = trainer.Train(train);
        var injectionModel = new InjectionModel(final.Weights, final.Bias, scale, offset, settings.WindowLength, settings.WindowStride);
        var heldOut = DetectionRates.Of(
            corpus.Where(e => e.IsHeldOut).Select(e => (e, CombinedScore(injectionModel, e.Text))),
            settings.BlockThreshold,
            settings.FlagThreshold);
        return new TrainingResult(injectionModel, crossValidated, heldOut);
    }

    /// <summary>The rail's score for a text: signatures and model, combined.</summary>
    public static double CombinedScore(InjectionModel model, string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return PromptInjectionRail.Combine(PromptInjectionRail.ScoreSignatures(normalized).Score, model.Score(normalized).Probability);
    }

    /// <summary>Whole families go to one fold, so no fold is scored by a model that saw a paraphrase of it.</summary>
    private int Fold(CorpusEntry entry)
    {
        var hash = 2166136261u;
        foreach (var c in entry.Family)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % (uint)settings.Folds);
    }
}
