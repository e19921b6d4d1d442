using System.Buffers;
using System.Text.RegularExpressions;

namespace GoldenPath.Guardrails;

/// <summary>
/// Credentials: well-known key formats first, then any long token whose characters look random (high entropy,
/// mixed character classes). Hex-only tokens are left alone because commit ids and hashes are common in
/// technical answers and are not secrets.
/// </summary>
internal sealed partial class SecretsRail(SecretsRailSettings settings) : IRail
{
    public const string Name = "secrets";

    private static readonly SearchValues<char> s_tokenAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-");

    private static readonly SearchValues<string> s_keyPrefixes = SearchValues.Create(
        ["sk-", "AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox", "AIza", "eyJ", "-----BEGIN",
            "password", "passwd", "pwd", "secret", "api", "access", "client"],
        StringComparison.Ordinal);

    private static readonly SearchValues<char> s_hex = SearchValues.Create("0123456789abcdefABCDEF");

    public void Evaluate(RailContext context)
    {
        var action = context.Stage == RailStage.Input ? settings.InputAction : settings.OutputAction;
        if (action == RailAction.Allow)
        {
            return;
        }

        var view = context.Text.Clean;
        var claimed = new SpanSet();
        List<EvidenceSpan>? evidence = null;

        // Every known format starts with one of a few literals; most text contains none and skips the pattern.
        if (view.Text.AsSpan().ContainsAny(s_keyPrefixes))
        {
            foreach (var match in KnownKeyFormat().EnumerateMatches(view.Text))
            {
                var span = view.ToRaw(match.Index, match.Length);
                if (claimed.TryAdd(span))
                {
                    (evidence ??= []).Add(span);
                }
            }
        }

        // A random-looking token always has a digit (see LooksRandom): text without one has nothing to scan.
        var runs = view.Text.AsSpan().ContainsAnyInRange('0', '9')
            ? CharacterRuns.Find(view.Text, s_tokenAlphabet, settings.MinTokenLength)
            : [];
        foreach (var (start, length) in runs)
        {
            // A token is a whole run: one glued to '=' inside it (a query string, "a=b") is not a single token.
            var padded = length + CharacterRuns.Padding(view.Text, start + length, '=', 2);
            if (start + padded < view.Text.Length && view.Text[start + padded] == '=')
            {
                continue;
            }

            if (!LooksRandom(view.Text.AsSpan(start, padded)))
            {
                continue;
            }

            var span = view.ToRaw(start, padded);
            if (claimed.TryAdd(span))
            {
                (evidence ??= []).Add(span);
            }
        }

        if (evidence is not null)
        {
            context.Report(Name, action, PiiCategories.Secret, 0.95, evidence);
        }
    }

    private bool LooksRandom(ReadOnlySpan<char> token)
    {
        var trimmed = token.TrimEnd('=');
        if (!trimmed.ContainsAnyInRange('0', '9') || !ContainsLetter(trimmed) || !trimmed.ContainsAnyExcept(s_hex))
        {
            return false;
        }

        return HasMixedCharacterClasses(trimmed) && ShannonEntropy.BitsPerCharacter(trimmed) >= settings.EntropyThreshold;
    }

    /// <summary>
    /// Generated keys mix character classes evenly; identifiers are mostly lower case with the odd digit.
    /// At least two of upper case, lower case and digits must each make up 15% of the letters and digits.
    /// </summary>
    private static bool HasMixedCharacterClasses(ReadOnlySpan<char> token)
    {
        int upper = 0, lower = 0, digits = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                upper++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lower++;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        var minimum = (upper + lower + digits) * 0.15;
        var classes = (upper >= minimum ? 1 : 0) + (lower >= minimum ? 1 : 0) + (digits >= minimum ? 1 : 0);
        return classes >= 2;
    }

    private static bool ContainsLetter(ReadOnlySpan<char> token) =>
        token.ContainsAnyInRange('a', 'z') || token.ContainsAnyInRange('A', 'Z');

    [GeneratedRegex(@"(?:\bsk-(?:proj-|ant-|live-|test-)?[A-Za-z0-9_-]{20,}|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36,255}\b|\bgithub_pat_[A-Za-z0-9_]{22,255}|\bxox[bpaors]-[A-Za-z0-9-]{10,}|\bAIza[0-9A-Za-z_-]{35}|\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}|-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----(?:[\s\S]{0,8000}?-----END [A-Z ]{0,20}PRIVATE KEY-----)?|\b(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|client[_-]?secret)\s*[=:]\s*[""']?[^\s""';,]{8,})")]
    private static partial Regex KnownKeyFormat();

}
