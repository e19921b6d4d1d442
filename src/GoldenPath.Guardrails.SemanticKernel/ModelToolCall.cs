namespace GoldenPath.Guardrails.SemanticKernel;

/// <summary>
/// Hands a call the model asked for from <see cref="ToolLimitAutoFunctionInvocationFilter"/> to
/// <see cref="ToolGuardFunctionInvocationFilter"/> through the async context: only the auto-invocation filter knows
/// that the model made the call and where it stands in the turn, only the function filter can stop the function.
/// </summary>
internal sealed class ModelToolCall(GuardrailEngine engine, int index, string? callId)
{
    private static readonly AsyncLocal<ModelToolCall?> s_current = new();

    public static ModelToolCall? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public GuardrailEngine Engine { get; } = engine;

    /// <summary>The 0-based position of the call among the calls of this turn.</summary>
    public int Index { get; } = index;

    public string? CallId { get; } = callId;

    /// <summary>Set by the function filter when the decision ends the turn.</summary>
    public bool EndsTurn { get; set; }
}
