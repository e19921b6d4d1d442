using GoldenPath.AspNetCore.Identity;
using GoldenPath.AspNetCore.Web;
using GoldenPath.Guardrails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace GoldenPath.AspNetCore.Management;

/// <summary>List, activate and roll back guardrail policy versions.</summary>
internal static class GuardrailPolicyEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/policies", List).WithName("ListGuardrailPolicies");
        group.MapPost("/policies/{versionId}/activate", ActivateAsync).WithName("ActivateGuardrailPolicy");
        group.MapPost("/policies/rollback", RollbackAsync).WithName("RollbackGuardrailPolicy");
    }

    private static GuardrailPoliciesResponse List(HttpContext context)
    {
        var store = context.RequestServices.GetRequiredService<GuardrailPolicyStore>();
        return new(store.Active, store.Versions, store.History);
    }

    private static async Task<IResult> ActivateAsync(string versionId, HttpContext context, CancellationToken cancellationToken)
    {
        var change = await ReadChangeAsync(context, cancellationToken);
        if (change.Problem is not null)
        {
            return change.Problem;
        }

        PolicyActivation activation;
        try
        {
            activation = context.RequestServices.GetRequiredService<GuardrailPolicyStore>().Activate(versionId, change.Actor, change.Reason);
        }
        catch (KeyNotFoundException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown policy version", detail: ex.Message);
        }

        return Audited(context, activation, "activate");
    }

    private static async Task<IResult> RollbackAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var change = await ReadChangeAsync(context, cancellationToken);
        if (change.Problem is not null)
        {
            return change.Problem;
        }

        PolicyActivation activation;
        try
        {
            activation = context.RequestServices.GetRequiredService<GuardrailPolicyStore>().Rollback(change.Actor, change.Reason);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to roll back to", detail: ex.Message);
        }

        return Audited(context, activation, "rollback");
    }

    private static IResult Audited(HttpContext context, PolicyActivation activation, string change)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(GuardrailPolicyAudit.LoggerCategory);
        GuardrailPolicyAudit.Record(logger, activation, change);
        return TypedResults.Ok(activation);
    }

    /// <summary>Who asks for the change and why, or the problem that stops it before the store is touched.</summary>
    private static async Task<PolicyChange> ReadChangeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var userClaim = services.GetRequiredService<IOptions<PrincipalClaimOptions>>().Value.UserClaim;
        var actor = context.User.FindFirst(userClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(actor))
        {
            // An unattributable change would leave a hole in the audit trail.
            return PolicyChange.Refused(TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Change cannot be attributed",
                detail: $"The token has no '{userClaim}' claim, so the change could not be recorded against a user. Use a user token, not an app-only token."));
        }

        var request = context.Request;

        // The body is optional: an empty POST makes the change without a reason.
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;
        if (!canHaveBody || request.ContentLength == 0)
        {
            return new PolicyChange(actor, string.Empty, null);
        }

        var json = services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var body = await JsonRequestReader.ReadAsync<PolicyChangeRequest>(request, json, cancellationToken);
        if (body.Problem is not null)
        {
            return PolicyChange.Refused(body.Problem);
        }

        var reason = body.Value!.Reason?.Trim() ?? string.Empty;
        if (reason.Length > PolicyChangeRequest.MaxReasonLength)
        {
            return PolicyChange.Refused(InvalidReason(
                $"The reason is {reason.Length} characters long; keep it to {PolicyChangeRequest.MaxReasonLength} or fewer."));
        }

        if (reason.Any(char.IsControl))
        {
            // Line breaks and escapes in an audit line could forge entries in plain-text log sinks.
            return PolicyChange.Refused(InvalidReason("The reason contains line breaks or other control characters; send one line of text."));
        }

        return new PolicyChange(actor, reason, null);
    }

    private static IResult InvalidReason(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid reason", detail: detail);

    private sealed record PolicyChange(string Actor, string Reason, IResult? Problem)
    {
        public static PolicyChange Refused(IResult problem) => new(string.Empty, string.Empty, problem);
    }
}
