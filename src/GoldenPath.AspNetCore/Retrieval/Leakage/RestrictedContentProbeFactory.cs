using System.Security.Claims;
using GoldenPath.AspNetCore.Identity;
using GoldenPath.Guardrails;
using GoldenPath.Retrieval;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Retrieval;

/// <summary>Binds the registered store's <see cref="IRestrictedTextFinder"/> to one caller's principals.</summary>
internal sealed class RestrictedContentProbeFactory(IKnowledgeStore store, IOptions<PrincipalClaimOptions> claims) : IRestrictedContentProbeFactory
{
    public IRestrictedContentProbe? Create(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);

        // Principals are resolved once, here, so every answer in the request is judged against the same identity.
        return store is IRestrictedTextFinder finder ? new RestrictedContentProbe(finder, user.ToPrincipalSet(claims.Value)) : null;
    }
}
