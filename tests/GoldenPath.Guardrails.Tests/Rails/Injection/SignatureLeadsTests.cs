using System.Text.RegularExpressions;

namespace GoldenPath.Guardrails.Tests;

public sealed class SignatureLeadsTests
{
    [Fact]
    public void Every_lead_is_current_for_the_shipped_signatures()
    {
        Assert.Empty(SignatureLeads.Stale(InjectionSignatures.All));
        Assert.Contains(SignatureLeads.For(InjectionSignatures.All), words => words is not null);
    }

    [Theory]
    [InlineData(@"|\bforget\W*it", false)] // another way to match
    [InlineData("?", true)] // the opening verbs made optional
    [InlineData("*", true)]
    public void A_lead_switches_itself_off_when_its_pattern_no_longer_starts_with_it(string edit, bool rightAfterTheVerbs)
    {
        var shipped = InjectionSignatures.All.Single(s => s.Id == "override-qualified");
        var pattern = shipped.Pattern.ToString();
        const string EndOfVerbs = "(?:ing)?)";
        var edited = rightAfterTheVerbs
            ? pattern.Insert(pattern.IndexOf(EndOfVerbs, StringComparison.Ordinal) + EndOfVerbs.Length, edit)
            : pattern + edit;
        var signature = shipped with { Pattern = new Regex(edited, shipped.Pattern.Options) };

        Assert.Equal(["override-qualified"], SignatureLeads.Stale([signature]));
        Assert.Equal([null], SignatureLeads.For([signature]));
    }

    [Fact]
    public void Every_match_in_the_corpus_starts_with_a_lead_word_at_a_word_start()
    {
        var leads = SignatureLeads.For(InjectionSignatures.All);
        var checkedMatches = 0;
        foreach (var line in InjectionCorpus.Attacks.Concat(InjectionCorpus.Benign).Concat(LabelledCorpus.All.Select(t => t.Text)))
        {
            var normalized = TextNormalizer.Normalize(line);
            foreach (var view in (TextView[])[normalized.Folded, normalized.Rot13View, normalized.ReversedView, .. normalized.DecodedViews])
            {
                for (var i = 0; i < leads.Length; i++)
                {
                    if (leads[i] is not { } words)
                    {
                        continue;
                    }

                    for (var match = InjectionSignatures.All[i].Pattern.Match(view.Text); match.Success; match = match.NextMatch())
                    {
                        var index = match.Index;
                        Assert.True(
                            words.Any(w => view.Text.AsSpan(index).StartsWith(w, StringComparison.Ordinal)),
                            $"{InjectionSignatures.All[i].Id} matched \"{match.Value}\", which starts with none of its leads.");
                        Assert.True(match.Index == 0 || !char.IsAsciiLetterOrDigit(view.Text[match.Index - 1]));
                        checkedMatches++;
                    }
                }
            }
        }

        Assert.True(checkedMatches > 50, $"Only {checkedMatches} matches were checked.");
    }
}
