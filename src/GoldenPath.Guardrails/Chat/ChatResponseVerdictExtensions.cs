using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails;

public static class ChatResponseVerdictExtensions
{
    /// <summary>Returns the verdict <see cref="GuardrailsChatClient"/> attached, or null when the response did not pass through it.</summary>
    public static GuardrailVerdict? GetGuardrailVerdict(this ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.AdditionalProperties?.TryGetValue(GuardrailVerdict.PropertyName, out var value) == true
            ? value as GuardrailVerdict
            : null;
    }
}
