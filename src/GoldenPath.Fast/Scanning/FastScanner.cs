using System.Diagnostics;

namespace GoldenPath.Fast;

/// <summary>Runs attack cases against a target and scores every response.</summary>
public sealed class FastScanner(IFastTarget target, FastScanOptions options)
{
    public async Task<Scorecard> RunAsync(IEnumerable<AttackCase> cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1, nameof(options.MaxConcurrency));
        if (options.DelayBetweenCases is { } configuredDelay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(configuredDelay, TimeSpan.Zero, nameof(options.DelayBetweenCases));
        }

        var all = cases.ToArray();
        var documentTarget = target as IDocumentTarget;

        // A case whose documents cannot be planted would test nothing; listing it beats reporting a false pass.
        AttackCase[] attacks = [.. all.Where(attack => attack.Documents.Count == 0 || documentTarget is not null)];
        string[] skipped = [.. all.Where(attack => attack.Documents.Count > 0 && documentTarget is null).Select(attack => attack.Id)];

        var canaries = new PlantedCanaries(options.Canaries);
        var classifier = CaseClassifier.Create(options, canaries.Resolve(attacks));
        var judge = options.Judge is { } configuration ? new JudgeReview(configuration) : null;
        var bucket = options.RequestsPerSecond is { } rate ? new TokenBucket(rate, options.TimeProvider) : null;
        var startedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();

        using var slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        var results = await Task.WhenAll(attacks.Select(attack => RunCaseAsync(attack, classifier, judge, canaries, bucket, slots, cancellationToken))).ConfigureAwait(false);

        return new Scorecard(options.CorpusVersion, startedAt, stopwatch.Elapsed, results, skipped, options.ReplayArguments);
    }

    private async Task<CaseResult> RunCaseAsync(AttackCase attack, CaseClassifier classifier, JudgeReview? judge, PlantedCanaries canaries, TokenBucket? bucket, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (bucket is not null)
            {
                await bucket.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            var response = await SendAsync(attack, canaries, cancellationToken).ConfigureAwait(false);
            var (outcome, findings) = classifier.Classify(attack, response);
            if (judge is not null && await judge.ReviewAsync(attack, response, cancellationToken).ConfigureAwait(false) is { } opinion)
            {
                // Added, never substituted: the outcome stays the deterministic one.
                findings = [.. findings, opinion];
            }

            // The slot is held through the pause, so the delay throttles every worker, not only the first.
            if (options.DelayBetweenCases is { } delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            var result = new CaseResult(attack, outcome, findings, response.Latency);
            options.Progress?.Report(result);
            return result;
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<TargetResponse> SendAsync(AttackCase attack, PlantedCanaries canaries, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return attack.Documents.Count > 0 && target is IDocumentTarget documentTarget
                ? await documentTarget.SendAsync(attack.Turns, canaries.Fill(attack.Documents), cancellationToken).ConfigureAwait(false)
                : await target.SendAsync(attack.Turns, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Targets should report failures in the response; a throwing one must still not end the scan.
            return new TargetResponse(TargetResponse.NoResponse, $"{ex.GetType().Name}: {ex.Message}", stopwatch.Elapsed);
        }
    }
}
