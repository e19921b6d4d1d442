using System.Text.RegularExpressions;

namespace GoldenPath.Guardrails.Tests;

public sealed class InjectionSignaturesTests
{
    /// <summary>
    /// The signatures are source-generated; the interpreter is the reference. Running both over every view of
    /// the corpus catches generator-specific differences, including exceptions at match time.
    /// </summary>
    [Fact]
    public void Generated_patterns_agree_with_the_interpreter_on_every_view_of_the_corpus()
    {
        var disagreements = new List<string>();
        foreach (var line in InjectionCorpus.Attacks.Concat(InjectionCorpus.Benign).Concat(LabelledCorpus.All.Select(t => t.Text)))
        {
            var normalized = TextNormalizer.Normalize(line);
            TextView[] views = [normalized.Clean, normalized.Folded, normalized.Rot13View, normalized.ReversedView, .. normalized.DecodedViews];
            foreach (var view in views)
            {
                foreach (var signature in InjectionSignatures.All)
                {
                    var reference = new Regex(signature.Pattern.ToString(), signature.Pattern.Options).Match(view.Text);
                    string actual;
                    try
                    {
                        var match = signature.Pattern.Match(view.Text);
                        actual = $"{match.Success}:{match.Index}:{match.Length}";
                    }
                    catch (Exception ex)
                    {
                        actual = ex.GetType().Name;
                    }

                    if (actual != $"{reference.Success}:{reference.Index}:{reference.Length}")
                    {
                        disagreements.Add($"{signature.Id} on \"{view.Text}\": {actual}");
                    }
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
    }

    [Fact]
    public void Signature_ids_are_unique_and_weights_are_probabilities()
    {
        Assert.Equal(InjectionSignatures.All.Count, InjectionSignatures.All.Select(s => s.Id).Distinct().Count());
        Assert.All(InjectionSignatures.All, s => Assert.InRange(s.Weight, 0.01, 0.99));
    }
}
