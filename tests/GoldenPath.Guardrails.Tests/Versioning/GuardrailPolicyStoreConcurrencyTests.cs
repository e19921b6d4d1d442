using System.Collections.Concurrent;

namespace GoldenPath.Guardrails.Tests.Versioning;

public sealed class GuardrailPolicyStoreConcurrencyTests
{
    [Fact]
    public async Task Evaluations_during_activations_always_see_one_whole_version()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var store = new GuardrailPolicyStore(new GuardrailOptions());
        var first = store.Active.Id;
        store.Add(TestPolicies.WithoutPii("B"), "upload");
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var mismatches = new ConcurrentBag<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var verdict = store.Current.EvaluateInput(TestPolicies.Email);
                seen.AddOrUpdate(verdict.PolicyVersion, 1, (_, count) => count + 1);

                // The version label and the rails that ran must come from the same policy.
                var expected = verdict.PolicyVersion == first ? RailAction.Redact : RailAction.Allow;
                if (verdict.Action != expected)
                {
                    mismatches.Add($"{verdict.PolicyVersion}: {verdict.Action}");
                }
            }
        }, cancellation)).ToArray();

        var switches = 0;
        for (; switches < 200; switches++)
        {
            store.Activate(switches % 2 == 0 ? "B" : first, "load-test", $"switch {switches}");
            await Task.Yield();
        }

        // On a busy machine the readers may start late; keep switching until both versions were really exercised.
        while (!seen.ContainsKey(first) || !seen.ContainsKey("B"))
        {
            store.Activate(switches % 2 == 0 ? "B" : first, "load-test", $"switch {switches}");
            switches++;
            await Task.Delay(10, cancellation);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(mismatches);
        Assert.Equal(new[] { first, "B" }.Order(StringComparer.Ordinal), seen.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(switches + 1, store.History.Count);
    }
}
