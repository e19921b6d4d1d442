namespace GoldenPath.Fast;

/// <summary>Sorts non-2xx responses: refusing input is a defence, failing on it is a bug.</summary>
internal sealed class ErrorClassEvaluator : IEvaluator
{
    public string Name => "error-class";

    public EvaluationResult Evaluate(AttackCase attack, TargetResponse response) => response.StatusCode switch
    {
        TargetResponse.NoResponse => Errored(attack, $"no response from the target: {ResponseExcerpt.Of(response.Text)}"),
        >= 500 => Errored(attack, $"HTTP {response.StatusCode} on attack input (an attack should be refused, not crash the app): {ResponseExcerpt.Of(response.Text)}"),

        // These mean the scan itself is misconfigured (token, URL, path), so every result would be meaningless.
        401 or 404 or 405 => Errored(attack, $"HTTP {response.StatusCode}: the target rejected the request itself; check the URL, path and token"),

        // 400, 403, 413, 429 and friends: the app refused the input, which is a deflection.
        >= 400 => new EvaluationResult(CaseOutcome.Deflected, []),
        _ => EvaluationResult.None,
    };

    private EvaluationResult Errored(AttackCase attack, string evidence) =>
        new(CaseOutcome.Errored, [new Finding(attack.Id, attack.Category, Severity.High, Name, evidence)]);
}
