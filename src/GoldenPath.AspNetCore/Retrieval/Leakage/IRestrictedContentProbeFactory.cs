using System.Security.Claims;
using GoldenPath.Guardrails;

namespace GoldenPath.AspNetCore.Retrieval;

/// <summary>
/// Creates the per-caller <see cref="IRestrictedContentProbe"/> a chat endpoint puts into
/// <see cref="GuardrailRequest.RestrictedContent"/>, so the output rails can stop answers that reproduce documents the
/// caller may not read.
/// </summary>
public interface IRestrictedContentProbeFactory
{
    /// <summary>
    /// A probe that checks answers against the registered knowledge store on behalf of <paramref name="user"/>; an
    /// anonymous user may read nothing. <see langword="null"/> when the store cannot look for restricted text (a custom
    /// <c>IKnowledgeStore</c> that does not implement <c>IRestrictedTextFinder</c>).
    /// </summary>
    IRestrictedContentProbe? Create(ClaimsPrincipal user);
}
