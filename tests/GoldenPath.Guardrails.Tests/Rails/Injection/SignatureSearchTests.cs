using System.Text.RegularExpressions;

namespace GoldenPath.Guardrails.Tests;

public sealed class SignatureSearchTests
{
    /// <summary>
    /// The rail runs a signature only near its anchors, and a signature with leads only at those leads. The reference
    /// runs every pattern over every whole view. On every text of the corpus both must find the same matches; a lead
    /// the search skipped, or an anchored attempt that failed where the search would have matched, shows up here.
    /// </summary>
    [Fact]
    public void Anchored_search_finds_what_a_full_search_of_every_view_finds()
    {
        var disagreements = new List<string>();
        var compared = 0;
        foreach (var line in InjectionCorpus.Attacks.Concat(InjectionCorpus.Benign).Concat(LabelledCorpus.All.Select(t => t.Text)))
        {
            var normalized = TextNormalizer.Normalize(line);
            if (normalized.Folded.Text.Length > 1024)
            {
                // Longer texts search ROT13 and reversed forms only where the text is unreadable: not a whole view.
                continue;
            }

            var expected = InOrder(FullSearch(normalized));
            var actual = InOrder(PromptInjectionRail.ScoreSignatures(normalized).Evidence ?? []);
            if (!expected.SequenceEqual(actual))
            {
                disagreements.Add($"\"{line}\": expected [{string.Join(", ", expected)}], found [{string.Join(", ", actual)}]");
            }

            compared += expected.Count > 0 ? 1 : 0;
        }

        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements.Take(20)));
        Assert.True(compared > 500, $"Only {compared} texts had a signature match.");
    }

    [Fact]
    public void Word_characters_are_exactly_those_the_regex_engine_sees_at_a_word_break()
    {
        var boundaryBefore = new Regex(@"^.\ba", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        var wrong = new List<string>();
        for (var c = char.MinValue; ; c++)
        {
            if (RegexWordCharacters.IsBoundaryWordChar(c) == boundaryBefore.IsMatch($"{c}a"))
            {
                wrong.Add($"U+{(int)c:X4}");
            }

            if (c == char.MaxValue)
            {
                break;
            }
        }

        Assert.True(wrong.Count == 0, string.Join(' ', wrong.Take(50)));
    }

    private static List<EvidenceSpan> InOrder(List<EvidenceSpan> spans) => [.. spans.OrderBy(s => s.Start).ThenBy(s => s.End)];

    /// <summary>Every pattern over every whole view, in the rail's order; the raw spans of the first match of each.</summary>
    private static List<EvidenceSpan> FullSearch(NormalizedText text)
    {
        var matched = new bool[InjectionSignatures.All.Count];
        var evidence = new List<EvidenceSpan>();
        var lower = text.Clean.WithText(text.Clean.Text.ToLowerInvariant());
        Search(lower, layout: true);
        foreach (var view in (TextView[])[text.Folded, text.Rot13View, text.ReversedView, .. text.DecodedViews])
        {
            Search(view, layout: false);
        }

        return evidence;

        void Search(TextView view, bool layout)
        {
            for (var i = 0; i < matched.Length; i++)
            {
                var signature = InjectionSignatures.All[i];
                if (matched[i] || signature.NeedsLayout != layout || signature.Pattern.Match(view.Text) is not { Success: true } match)
                {
                    continue;
                }

                matched[i] = true;
                var span = view.ToRaw(match.Index, match.Length);
                if (!evidence.Contains(span))
                {
                    evidence.Add(span);
                }
            }
        }
    }
}
