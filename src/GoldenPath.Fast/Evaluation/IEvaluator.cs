namespace GoldenPath.Fast;

/// <summary>A deterministic check of one response; evaluators never call a model, so a scan is reproducible.</summary>
internal interface IEvaluator
{
    string Name { get; }

    EvaluationResult Evaluate(AttackCase attack, TargetResponse response);
}
