namespace GoldenPath.Fast;

/// <summary>
/// The app's plant hook did not take a scan's canaries: it refused them, kept some out of the index, or could not be
/// reached. A scan must stop here, because a canary that was never planted can never leak and the scan would pass
/// without having tested anything.
/// </summary>
public sealed class CanaryPlantingException : Exception
{
    public CanaryPlantingException()
    {
    }

    public CanaryPlantingException(string message)
        : base(message)
    {
    }

    public CanaryPlantingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="message">What happened and what to fix.</param>
    /// <param name="statusCode">The hook's HTTP status, or <see langword="null"/> when no HTTP answer came back.</param>
    /// <param name="innerException">The transport failure, if any.</param>
    public CanaryPlantingException(string message, int? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>
    /// The hook's HTTP status (a 2xx when it answered but kept chunks out of the index), or <see langword="null"/> when
    /// the app could not be reached, which callers treat as an unreachable target rather than a configuration error.
    /// </summary>
    public int? StatusCode { get; }
}
