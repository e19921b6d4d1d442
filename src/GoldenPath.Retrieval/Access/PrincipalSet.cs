using System.Collections;
using System.Security.Cryptography;
using System.Text;

namespace GoldenPath.Retrieval;

/// <summary>
/// The principals a caller acts as (<c>user:</c>, <c>group:</c> and <c>role:</c> entries), validated and normalized.
/// </summary>
/// <remarks>
/// Kinds are case-insensitive and stored lower-case; names are compared ordinally so a spelling mismatch denies
/// access rather than granting it.
/// </remarks>
public sealed class PrincipalSet : IReadOnlyCollection<string>
{
    private readonly string[] _sorted;
    private readonly HashSet<string> _lookup;

    private PrincipalSet(string[] sorted)
    {
        _sorted = sorted;
        _lookup = new HashSet<string>(sorted, StringComparer.Ordinal);
        Hash = ComputeHash(sorted);
    }

    public static PrincipalSet Empty { get; } = new([]);

    /// <summary>Validates and normalizes <paramref name="principals"/>; duplicates collapse.</summary>
    /// <exception cref="ArgumentException">A value is not <c>user:&lt;id&gt;</c>, <c>group:&lt;name&gt;</c> or <c>role:&lt;name&gt;</c>.</exception>
    public static PrincipalSet From(IEnumerable<string> principals)
    {
        ArgumentNullException.ThrowIfNull(principals);

        var unique = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in principals)
        {
            var error = Principal.TryNormalize(raw, out var normalized);
            if (error is not null)
            {
                throw new ArgumentException($"Invalid principal: {error}.", nameof(principals));
            }

            unique.Add(normalized);
        }

        if (unique.Count == 0)
        {
            return Empty;
        }

        var sorted = unique.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return new PrincipalSet(sorted);
    }

    public int Count => _sorted.Length;

    /// <summary>
    /// Stable lower-case SHA-256 hex of the sorted set, for audit logs and cache keys where raw principals must not appear.
    /// </summary>
    public string Hash { get; }

    public bool Contains(string principal) =>
        Principal.TryNormalize(principal, out var normalized) is null && _lookup.Contains(normalized);

    /// <summary>True when any entry of <paramref name="acl"/> is in this set. Malformed ACL entries never grant access.</summary>
    public bool CanRead(IReadOnlyList<string> acl)
    {
        ArgumentNullException.ThrowIfNull(acl);
        for (var i = 0; i < acl.Count; i++)
        {
            if (Contains(acl[i]))
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_sorted).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string ComputeHash(string[] sorted) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', sorted))));
}
