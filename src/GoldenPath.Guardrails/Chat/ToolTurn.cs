namespace GoldenPath.Guardrails;

/// <summary>
/// One call into the tool loop: the engine it is decided with and how many tool calls it has made. It flows with
/// the async context from <see cref="ToolTurnChatClient"/> to the function invoker, because the invoker is shared
/// by every conversation and cannot keep a count of its own.
/// </summary>
internal sealed class ToolTurn(GuardrailEngine engine)
{
    private static readonly AsyncLocal<ToolTurn?> s_current = new();

    private int _calls;

    public static ToolTurn? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public GuardrailEngine Engine { get; } = engine;

    /// <summary>The 0-based index of the next call; safe when the loop invokes tools concurrently.</summary>
    public int NextCallIndex() => Interlocked.Increment(ref _calls) - 1;
}
