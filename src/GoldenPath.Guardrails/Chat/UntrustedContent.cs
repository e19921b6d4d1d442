namespace GoldenPath.Guardrails;

/// <summary>
/// Marks chat messages that carry retrieved documents or tool results rather than something the user typed.
/// Input rails judge the user's own words; text marked this way is data and is never treated as the request.
/// </summary>
/// <example>
/// <code>
/// var message = new ChatMessage(ChatRole.User, retrievedText)
/// {
///     AdditionalProperties = new() { [UntrustedContent.PropertyName] = true },
/// };
/// </code>
/// </example>
public static class UntrustedContent
{
    public const string PropertyName = "goldenpath.untrusted";
}
