using GoldenPath.Guardrails;
using GoldenPath.Retrieval;

namespace GoldenPath.AspNetCore.Retrieval;

/// <summary>
/// The guardrails' view of <see cref="IRestrictedTextFinder"/> for one caller. With the PostgreSQL store
/// <see cref="Find"/> makes one synchronous database round trip (Npgsql's synchronous API), because output rails run
/// synchronously; the embedded store answers from memory.
/// </summary>
internal sealed class RestrictedContentProbe(IRestrictedTextFinder finder, PrincipalSet caller) : IRestrictedContentProbe
{
    public IReadOnlyList<RestrictedContentMatch> Find(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var matches = finder.FindUnreadableText(answer, caller);
        var result = new RestrictedContentMatch[matches.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new RestrictedContentMatch(new EvidenceSpan(matches[i].Start, matches[i].Length), matches[i].DocumentId);
        }

        return result;
    }
}
