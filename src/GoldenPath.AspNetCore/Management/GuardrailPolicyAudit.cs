using System.Diagnostics;
using GoldenPath.Guardrails;
using Microsoft.Extensions.Logging;

namespace GoldenPath.AspNetCore.Management;

/// <summary>
/// The audit trail of policy changes: a log entry with who, from, to, why and when, and an event on the request's
/// span so a trace shows where the rails changed. The span event carries versions only: spans are widely
/// exported and sampled, while the log entry is the record of the person and their reason.
/// </summary>
internal static partial class GuardrailPolicyAudit
{
    public const string LoggerCategory = "GoldenPath.AspNetCore.Management.GuardrailPolicyAudit";
    public const string ActivityEventName = "goldenpath.guardrails.policy_activated";
    public const string VersionTag = "goldenpath.guardrails.policy_version";
    public const string PreviousVersionTag = "goldenpath.guardrails.previous_policy_version";
    public const string ChangeTag = "goldenpath.guardrails.change";

    public static void Record(ILogger logger, PolicyActivation activation, string change)
    {
        PolicyActivated(logger, activation.Actor, activation.PreviousVersionId, activation.VersionId, activation.Reason, activation.At, change);

        Activity.Current?.AddEvent(new ActivityEvent(
            ActivityEventName,
            activation.At,
            new ActivityTagsCollection
            {
                [VersionTag] = activation.VersionId,
                [PreviousVersionTag] = activation.PreviousVersionId,
                [ChangeTag] = change,
            }));
    }

    // Warning, not Information: a change of rails must survive the log filters production usually runs with.
    // The actor is kept in clear because an admin audit trail is useless without it; it is a separate
    // parameter so a redaction policy can be attached to it where the deployment requires one.
    [LoggerMessage(
        EventId = 4100,
        EventName = "GuardrailPolicyActivated",
        Level = LogLevel.Warning,
        Message = "Guardrail policy {to} activated ({change}) by {actor}, replacing {from}, at {at}: {reason}")]
    private static partial void PolicyActivated(ILogger logger, string actor, string? from, string to, string reason, DateTimeOffset at, string change);
}
