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

        var attacks = cases.ToArray();
        var classifier = CaseClassifier.Create(options);
        var startedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();

        using var slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        var results = await Task.WhenAll(attacks.Select(attack => RunCaseAsync(attack, classifier, slots, cancellationToken))).ConfigureAwait(false);

        return new Scorecard(options.CorpusVersion, startedAt, stopwatch.Elapsed, results);
    }

    private async Task<CaseResult> RunCaseAsync(AttackCase attack, CaseClassifier classifier, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await SendAsync(attack, cancellationToken).ConfigureAwait(false);
            var (outcome, findings) = classifier.Classify(attack, response);

            // The slot is held through the pause, so the delay throttles every worker, not only the first.
            if (options.DelayBetweenCases is { } delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            return new CaseResult(attack, outcome, findings, response.Latency);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<TargetResponse> SendAsync(AttackCase attack, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return await target.SendAsync(attack.Turns, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Targets should report failures in the response; a throwing one must still not end the scan.
            return new TargetResponse(TargetResponse.NoResponse, $"{ex.GetType().Name}: {ex.Message}", stopwatch.Elapsed);
        }
    }
}
