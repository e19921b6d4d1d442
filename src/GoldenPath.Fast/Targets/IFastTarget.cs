namespace GoldenPath.Fast;

/// <summary>The app under test, as seen by a scan.</summary>
/// <remarks>
/// Implementations report failures in the returned <see cref="TargetResponse"/> rather than throwing, so one
/// failing case never stops a scan; only cancellation throws.
/// </remarks>
public interface IFastTarget
{
    /// <summary>Sends <paramref name="turns"/> in order as one conversation and returns the response to the last turn.</summary>
    Task<TargetResponse> SendAsync(IReadOnlyList<string> turns, CancellationToken cancellationToken);
}
