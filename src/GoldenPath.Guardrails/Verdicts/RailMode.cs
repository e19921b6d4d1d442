namespace GoldenPath.Guardrails;

/// <summary>
/// Whether a rail's decision counts. A new or retuned rule is first deployed in <see cref="Monitor"/> so its
/// findings can be watched on live traffic before it is allowed to change a single answer.
/// </summary>
public enum RailMode
{
    /// <summary>The rail's action applies.</summary>
    Enforce = 0,

    /// <summary>The rail detects and records, and the text passes as if it had not fired.</summary>
    Monitor = 1,
}
