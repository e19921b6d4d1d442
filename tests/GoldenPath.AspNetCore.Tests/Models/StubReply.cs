namespace GoldenPath.AspNetCore.Tests.Models;

/// <summary>One scripted answer of <see cref="OpenAICompatibleStub"/>; requests with no script left get the normal answer.</summary>
internal abstract record StubReply
{
    /// <summary>Answers with an error status, optionally with a <c>Retry-After</c> header value (delta seconds or an HTTP date).</summary>
    public sealed record Fault(int StatusCode, string? RetryAfter = null) : StubReply;

    /// <summary>Waits before answering normally; records the request as aborted if the caller gives up first.</summary>
    public sealed record Delay(TimeSpan Duration) : StubReply;

    /// <summary>When the request offers tools, asks for this function to be called instead of answering.</summary>
    public sealed record ToolCall(string Name, string ArgumentsJson, string CallId = "call_stub_1") : StubReply;
}
