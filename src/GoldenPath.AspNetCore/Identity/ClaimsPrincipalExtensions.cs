using System.Security.Claims;
using GoldenPath.Retrieval;

namespace GoldenPath.AspNetCore.Identity;

public static class ClaimsPrincipalExtensions
{
    /// <summary>
    /// The caller's principal set, used for every retrieval decision. Values that are not valid principal names
    /// are skipped rather than trusted: a malformed group claim must never widen access.
    /// </summary>
    public static PrincipalSet ToPrincipalSet(this ClaimsPrincipal user, PrincipalClaimOptions options)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return PrincipalSet.Empty;
        }

        var principals = new List<string>();
        var userId = user.FindFirst(options.UserClaim)?.Value;
        if (!string.IsNullOrWhiteSpace(userId))
        {
            principals.Add($"user:{userId.Trim()}");
        }

        principals.AddRange(Values(user, options.GroupClaims).Select(group => $"group:{group}"));
        principals.AddRange(Values(user, options.RoleClaims).Select(role => $"role:{role}"));
        return PrincipalSet.From(principals);
    }

    /// <summary>
    /// A stable, non-reversible key for the authenticated user (from the configured user claim), for per-user limits
    /// and budgets; null for anonymous callers.
    /// </summary>
    public static string? UserKey(this ClaimsPrincipal user, PrincipalClaimOptions options) =>
        user.Identity?.IsAuthenticated == true && user.FindFirst(options.UserClaim)?.Value is { Length: > 0 } id
            ? PrincipalSet.From([$"user:{id.Trim()}"]).Hash
            : null;

    private static IEnumerable<string> Values(ClaimsPrincipal user, IEnumerable<string> claimTypes) =>
        claimTypes
            .SelectMany(type => user.FindAll(type))
            .SelectMany(claim => claim.Value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(value => value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '@'))
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
