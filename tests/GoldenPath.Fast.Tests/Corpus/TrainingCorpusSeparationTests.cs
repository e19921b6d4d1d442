using System.Text;
using System.Text.Json;

namespace GoldenPath.Fast.Tests.Corpus;

/// <summary>
/// FAST grades the guardrails; the guardrails' model is trained on <c>training/injection</c>. A case present in both
/// would be graded on the model's own training data and look better than it is, so the two must share nothing: no
/// identical text and no run of eight words. The labelled responses that measure FAST's evaluators are held to the
/// same rule.
/// </summary>
public sealed class TrainingCorpusSeparationTests
{
    private const int RunWords = 8;

    [Fact]
    public void No_fast_case_shares_a_text_or_an_eight_word_run_with_the_guardrails_training_corpus()
    {
        var training = TrainingTexts();
        Assert.True(training.Count > 1000, $"Only {training.Count} training texts were found.");
        var trainingRuns = training.SelectMany(Runs).ToHashSet(StringComparer.Ordinal);
        var trainingTexts = training.Select(Canonical).Where(IsSentence).ToHashSet(StringComparer.Ordinal);

        var cases = AttackCorpus.Expand(AttackCorpus.LoadEmbedded(), new MutationOptions());
        List<string> shared = [];
        foreach (var attack in cases)
        {
            foreach (var text in attack.Turns.Concat(attack.Documents.Select(d => d.Text)))
            {
                if (IsSentence(Canonical(text)) && trainingTexts.Contains(Canonical(text)))
                {
                    shared.Add($"{attack.Id}: the whole text");
                }
                else if (Runs(text).FirstOrDefault(trainingRuns.Contains) is { } run)
                {
                    shared.Add($"{attack.Id}: \"{run}\"");
                }
            }
        }

        Assert.Empty(shared.Distinct());
    }

    [Fact]
    public void No_labelled_response_shares_a_text_or_an_eight_word_run_with_the_guardrails_training_corpus()
    {
        var training = TrainingTexts();
        var trainingRuns = training.SelectMany(Runs).ToHashSet(StringComparer.Ordinal);
        var trainingTexts = training.Select(Canonical).Where(IsSentence).ToHashSet(StringComparer.Ordinal);

        var responses = Evaluation.Labelled.LabelledSet.Load(Evaluation.Labelled.LabelledSet.DefaultPath).Responses;
        Assert.NotEmpty(responses);
        List<string> shared = [];
        foreach (var labelled in responses)
        {
            foreach (var text in new[] { labelled.AttackPrompt, labelled.Response })
            {
                if (IsSentence(Canonical(text)) && trainingTexts.Contains(Canonical(text)))
                {
                    shared.Add($"{labelled.Id}: the whole text");
                }
                else if (Runs(text).FirstOrDefault(trainingRuns.Contains) is { } run)
                {
                    shared.Add($"{labelled.Id}: \"{run}\"");
                }
            }
        }

        Assert.Empty(shared.Distinct());
    }

    private static List<string> TrainingTexts()
    {
        var directory = Path.Combine(RepositoryRoot(), "training", "injection", "corpus");
        List<string> texts = [];
        foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                using var document = JsonDocument.Parse(line);
                texts.Add(document.RootElement.GetProperty("text").GetString()!);
            }
        }

        return texts;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GoldenPath.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GoldenPath.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>Lower-case words of letters and digits, joined by single spaces.</summary>
    private static string Canonical(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>"Thanks!" may well be in both; only texts of four words or more say anything when they match.</summary>
    private static bool IsSentence(string canonical) => canonical.Count(c => c == ' ') >= 3;

    /// <summary>Runs of eight words, at least five of them real words: "p r e v i o u s" is spacing, not shared text.</summary>
    private static IEnumerable<string> Runs(string text)
    {
        var words = Canonical(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + RunWords <= words.Length; i++)
        {
            if (words.Skip(i).Take(RunWords).Count(w => w.Length > 1) >= 5)
            {
                yield return string.Join(' ', words, i, RunWords);
            }
        }
    }
}
