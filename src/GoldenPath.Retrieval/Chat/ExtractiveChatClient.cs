using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace GoldenPath.Retrieval;

/// <summary>
/// The offline responder: answers from the documents in the conversation (formatted by
/// <see cref="UntrustedContext"/>) by quoting the sentences that share the most content words with the question,
/// each followed by its citation. Deterministic and model-free, so the whole pipeline runs and is testable offline.
/// </summary>
/// <remarks>
/// The question is the last user message that contains no document block. At most three sentences are quoted, best
/// first, ties in document order. Token counts are whitespace word counts.
/// </remarks>
public sealed partial class ExtractiveChatClient : IChatClient
{
    public const string ModelId = "goldenpath-extractive";

    public const string ProviderName = "goldenpath-offline";

    /// <summary>The whole answer when no sentence shares a content word with the question.</summary>
    public const string NoAnswer = "I couldn't find that in the documents you have access to.";

    private const int MaxSentences = 3;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();

        var (answer, usage) = Compose(messages);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = usage,
        });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return Updates(Compose(messages), cancellationToken).ToAsyncEnumerable();
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return new ChatClientMetadata(ProviderName, null, ModelId);
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // Stateless: nothing to release.
    }

    private static IEnumerable<ChatResponseUpdate> Updates((string Answer, UsageDetails Usage) response, CancellationToken cancellationToken)
    {
        foreach (Match word in StreamWord().Matches(response.Answer))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word.Value) { ModelId = ModelId };
        }

        cancellationToken.ThrowIfCancellationRequested();
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(response.Usage)])
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
        };
    }

    private static (string Answer, UsageDetails Usage) Compose(IEnumerable<ChatMessage> messages)
    {
        var documents = new List<ContextDocument>();
        string? question = null;
        var inputWords = 0;
        foreach (var message in messages)
        {
            var text = message.Text;
            inputWords += TextAnalyzer.CountWhitespaceWords(text);

            var found = UntrustedContext.Parse(text);
            documents.AddRange(found);
            if (found.Count == 0 && message.Role == ChatRole.User && !string.IsNullOrWhiteSpace(text))
            {
                question = text;
            }
        }

        var answer = question is null ? NoAnswer : Answer(question, documents);
        var outputWords = TextAnalyzer.CountWhitespaceWords(answer);
        return (answer, new UsageDetails
        {
            InputTokenCount = inputWords,
            OutputTokenCount = outputWords,
            TotalTokenCount = inputWords + outputWords,
        });
    }

    private static string Answer(string question, List<ContextDocument> documents)
    {
        var questionTerms = TextAnalyzer.ContentTerms(question).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<(int Score, int Order, string Sentence, string DocumentId)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var sentence in Sentences(document.Text))
            {
                var score = TextAnalyzer.ContentTerms(sentence).Distinct(StringComparer.Ordinal).Count(questionTerms.Contains);

                // The same passage can be retrieved twice; quote it once.
                if (score > 0 && seen.Add(sentence))
                {
                    candidates.Add((score, candidates.Count, sentence, document.Id));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return NoAnswer;
        }

        var best = candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Order)
            .Take(MaxSentences)
            .Select(c => $"{c.Sentence} [{c.DocumentId}]");
        return string.Join(' ', best);
    }

    private static IEnumerable<string> Sentences(string text)
    {
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var content = LineMarker().Replace(line, string.Empty).Trim();
            foreach (var sentence in SentenceBreak().Split(content))
            {
                var trimmed = sentence.Trim();
                if (trimmed.Length > 0)
                {
                    yield return trimmed;
                }
            }
        }
    }

    // List bullets, heading marks and quote marks are layout, not part of the quoted sentence.
    [GeneratedRegex(@"^\s*(?:[-*+>]|#{1,6})\s+", RegexOptions.CultureInvariant)]
    private static partial Regex LineMarker();

    [GeneratedRegex(@"(?<=[.!?])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    // Each update is one word with the whitespace before it, so the updates concatenate to the exact answer.
    [GeneratedRegex(@"\s*\S+", RegexOptions.CultureInvariant)]
    private static partial Regex StreamWord();
}
