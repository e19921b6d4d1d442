namespace GoldenPath.Guardrails.Tests.Versioning;

/// <summary>A clock that only moves when the test moves it.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
