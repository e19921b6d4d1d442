namespace GoldenPath.Guardrails.Training;

/// <summary>The trained model and how it did: cross-validated on the train split, and on the held-out split.</summary>
internal sealed record TrainingResult(InjectionModel Model, DetectionRates CrossValidated, DetectionRates HeldOut);
