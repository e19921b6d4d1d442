using System.Collections.Concurrent;
using System.Diagnostics;

namespace GoldenPath.Retrieval.Tests.Diagnostics;

/// <summary>Records stopped retrieval spans; tests filter by their own principals hash since listeners are global.</summary>
internal sealed class SearchActivityRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public SearchActivityRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RetrievalTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public Activity Single(PrincipalSet principals) =>
        Assert.Single(_stopped, a => (string?)a.GetTagItem(RetrievalTelemetry.PrincipalsHashTag) == principals.Hash);

    public void Dispose() => _listener.Dispose();
}
