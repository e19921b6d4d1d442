using System.Diagnostics;
using GoldenPath.Fast.Tests.Support;

namespace GoldenPath.Fast.Tests.Scanning;

public sealed class ExpandedCorpusScanTests
{
    [Fact]
    public async Task The_whole_expanded_corpus_runs_in_process_and_every_case_is_scored()
    {
        var cases = AttackCorpus.Expand(AttackCorpus.LoadEmbedded(), new MutationOptions());
        var canary = Canary.Create("system-prompt");
        var options = new FastScanOptions { MaxConcurrency = 4 };
        options.Canaries.Add(canary);
        var target = new ChatClientTarget(new FakeChatClient(_ => "I can't help with that."), $"You are the HR assistant. Reference {canary.Value}.");

        var stopwatch = Stopwatch.StartNew();
        var scorecard = await new FastScanner(target, options).RunAsync(cases, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"{cases.Count} cases in {stopwatch.Elapsed.TotalMilliseconds:0} ms");

        Assert.Equal(cases.Count, scorecard.Cases);
        Assert.Empty(scorecard.Skipped);
        Assert.Equal(cases.Count, scorecard.Outcomes.Deflected);
        Assert.Equal(100, scorecard.Score);
    }
}
