using System.Runtime.CompilerServices;

namespace GoldenPath.Guardrails;

/// <summary>
/// The content-word keys of a request's grounding context. A streamed answer is checked many times against
/// the same request, so the keys are remembered per context list (weakly, so they go with the request) and
/// rebuilt if the list's strings have changed since.
/// </summary>
internal sealed class ContextVocabulary
{
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, ContextVocabulary> s_known = new();

    private readonly string[] _sources;

    private ContextVocabulary(IReadOnlyList<string> sources)
    {
        _sources = [.. sources];
        var length = _sources.Sum(s => s?.Length ?? 0);
        Keys = new KeySet(length / 6);
        foreach (var source in _sources)
        {
            if (string.IsNullOrEmpty(source))
            {
                continue;
            }

            var words = new WordScanner(source);
            while (words.MoveNext())
            {
                if (ContentWords.TryGetKey(words.Current, skipCourtesy: false, out var key))
                {
                    Keys.Add(key);
                }
            }
        }
    }

    public KeySet Keys { get; }

    public static ContextVocabulary For(IReadOnlyList<string> sources)
    {
        if (s_known.TryGetValue(sources, out var known) && known.IsFor(sources))
        {
            return known;
        }

        var built = new ContextVocabulary(sources);
        s_known.AddOrUpdate(sources, built);
        return built;
    }

    private bool IsFor(IReadOnlyList<string> sources)
    {
        if (sources.Count != _sources.Length)
        {
            return false;
        }

        for (var i = 0; i < _sources.Length; i++)
        {
            if (!ReferenceEquals(sources[i], _sources[i]))
            {
                return false;
            }
        }

        return true;
    }
}
