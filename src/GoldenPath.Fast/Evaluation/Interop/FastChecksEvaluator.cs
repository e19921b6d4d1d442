using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace GoldenPath.Fast;

/// <summary>
/// FAST's deterministic checks as a Microsoft.Extensions.AI.Evaluation evaluator, for teams that already run an
/// evaluation pipeline. One <see cref="BooleanMetric"/> per check, named as in FAST reports
/// (<c>canary-disclosure</c>, <c>pii-secrets</c>, ...): <see langword="true"/> when the check raised a finding,
/// or for <c>refusal</c>, when the answer declined.
/// </summary>
/// <remarks>
/// The user messages are the attack's turns and the response's messages carry any tool calls, so every check runs
/// as it would in a scan. The answer is treated as a 200 response. No model is called and no text leaves the process.
/// </remarks>
/// <param name="options">Canaries, markers, allowed hosts and forbidden tools, as for a scan.</param>
public sealed class FastChecksEvaluator(FastScanOptions options) : Microsoft.Extensions.AI.Evaluation.IEvaluator
{
    private readonly CaseClassifier classifier = CaseClassifier.Create(options);

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames => [.. classifier.EvaluatorNames];

    /// <inheritdoc />
    public ValueTask<Microsoft.Extensions.AI.Evaluation.EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(modelResponse);

        string[] turns = [.. messages.Where(message => message.Role == ChatRole.User).Select(message => message.Text)];
        var attack = new AttackCase("evaluation", "evaluation", "LLM01", Severity.High, turns.Length == 0 ? [string.Empty] : turns, ExpectedOutcome.NoDisclosure);
        var response = new TargetResponse(200, modelResponse.Text, TimeSpan.Zero) { ToolCalls = ObservedToolCall.From(modelResponse.Messages) };
        var (outcome, findings) = classifier.Classify(attack, response);

        List<EvaluationMetric> metrics = [];
        foreach (var name in classifier.EvaluatorNames)
        {
            if (name == "refusal")
            {
                metrics.Add(new BooleanMetric(name, outcome == CaseOutcome.Deflected, outcome == CaseOutcome.Deflected ? "the answer declines" : "the answer does not decline")
                {
                    Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Unknown, failed: false, "Informational."),
                });
                continue;
            }

            var raised = findings.Where(finding => finding.Evaluator == name).ToArray();
            metrics.Add(new BooleanMetric(name, raised.Length > 0, raised.Length == 0 ? "nothing found" : string.Join("; ", raised.Select(finding => finding.Evidence)))
            {
                Interpretation = raised.Length == 0
                    ? new EvaluationMetricInterpretation(EvaluationRating.Good, failed: false)
                    : new EvaluationMetricInterpretation(
                        raised.Max(finding => finding.Severity) >= Severity.High ? EvaluationRating.Unacceptable : EvaluationRating.Poor,
                        failed: raised.Any(finding => finding.Severity >= Severity.High),
                        $"{raised.Max(finding => finding.Severity).ToString().ToLowerInvariant()} finding"),
            });
        }

        return new ValueTask<Microsoft.Extensions.AI.Evaluation.EvaluationResult>(new Microsoft.Extensions.AI.Evaluation.EvaluationResult(metrics));
    }
}
