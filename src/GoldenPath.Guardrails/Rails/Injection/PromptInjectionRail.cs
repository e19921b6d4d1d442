namespace GoldenPath.Guardrails;

/// <summary>
/// Scores the input with two independent detectors and combines them as 1 - (1 - s)(1 - m):
/// <list type="bullet">
/// <item><description>s, the signatures of <see cref="InjectionSignatures"/> on every view of the text. Each signature
/// counts once, however many views it appears in, and signatures combine the same way, so several weak cues can add up
/// to a block while none of them alone does.</description></item>
/// <item><description>m, the calibrated probability of <see cref="InjectionModel"/> for the most suspicious window,
/// which catches paraphrases and languages no pattern names. Its calibration was fitted by cross-validation so that
/// the combined score keeps the policy's thresholds meaningful.</description></item>
/// </list>
/// The finding's category is that of the strongest signature, or <see cref="InjectionCategories.Model"/> when only
/// the model fired; its evidence is the signature matches, or the model's window.
/// </summary>
internal sealed class PromptInjectionRail(PromptInjectionRailSettings settings, InjectionModel model) : IRail
{
    public const string Name = "prompt-injection";

    // Instructions that only appear once decoded (base64, hex, ROT13, reversed) are hidden on purpose.
    private const double ObfuscationWeight = 0.3;

    // The lower-cased clean view only runs the few layout signatures, so it only looks for their anchors.
    internal static readonly AnchorIndex FoldedAnchors = new(InjectionSignatures.All, static s => !s.NeedsLayout);
    private static readonly AnchorIndex s_layoutAnchors = new(InjectionSignatures.All, static s => s.NeedsLayout);

    public PromptInjectionRail(PromptInjectionRailSettings settings)
        : this(settings, InjectionModel.Embedded)
    {
    }

    public void Evaluate(RailContext context)
    {
        var signatures = ScoreSignatures(context.Text);
        var modelScore = model.Score(context.Text);
        var score = Math.Round(Combine(signatures.Score, modelScore.Probability), 4);
        var action = score >= settings.Threshold ? settings.Action
            : score >= settings.FlagThreshold ? RailAction.Flag
            : RailAction.Allow;
        if (action == RailAction.Allow)
        {
            return;
        }

        if (signatures.Evidence is { } evidence)
        {
            context.Report(Name, action, signatures.Category, score, evidence);
        }
        else
        {
            context.Report(Name, action, InjectionCategories.Model, score, [modelScore.Window]);
        }
    }

    /// <summary>Noisy-OR of the two detectors, treated as independent evidence.</summary>
    public static double Combine(double signatureScore, double modelProbability) =>
        1 - ((1 - signatureScore) * (1 - modelProbability));

    /// <summary>The signature score alone, with the category of the strongest match and the raw spans of all matches.</summary>
    public static SignatureScore ScoreSignatures(NormalizedText text)
    {
        var signatures = InjectionSignatures.All;
        var matched = 0UL;
        List<EvidenceSpan>? evidence = null;
        var survival = 1.0;
        var strongest = 0.0;
        var category = string.Empty;
        var hiddenInEncoding = false;

        var hits = new List<(int Position, ulong Signatures)>();
        foreach (var (view, encoded) in Views(text))
        {
            hits.Clear();
            var anchors = view == text.Folded || encoded ? FoldedAnchors : s_layoutAnchors;
            var candidates = anchors.Hits(view.Text, hits) & ~matched;
            for (var i = 0; candidates != 0; i++, candidates >>= 1)
            {
                if ((candidates & 1) == 0)
                {
                    continue;
                }

                var signature = signatures[i];
                var match = MatchNearAnchors(signature, view.Text, hits, 1UL << i);
                if (match is null)
                {
                    continue;
                }

                matched |= 1UL << i;
                var weight = encoded || !QuotedText.IsQuoted(view.Text, match.Index, match.Length)
                    ? signature.Weight
                    : signature.Weight * QuotedText.Weight;
                survival *= 1 - weight;
                if (weight > strongest)
                {
                    strongest = weight;
                    category = signature.Category;
                }

                hiddenInEncoding |= encoded;
                var span = view.ToRaw(match.Index, match.Length);
                if (!(evidence ??= []).Contains(span))
                {
                    evidence.Add(span);
                }
            }
        }

        if (evidence is null)
        {
            return default;
        }

        if (hiddenInEncoding)
        {
            survival *= 1 - ObfuscationWeight;
        }

        evidence.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return new SignatureScore(1 - survival, category, evidence);
    }

    /// <summary>
    /// Every match contains one of the signature's anchors and spans at most <see cref="AnchorReach"/> characters on
    /// either side of it, so the pattern runs only on the stretches around the anchors (merged where they overlap,
    /// widened to word breaks) rather than over the whole text: a 4 KB prompt that mentions "policy" twice costs two
    /// short scans, not a full one per signature.
    /// </summary>
    internal static System.Text.RegularExpressions.Match? MatchNearAnchors(
        InjectionSignature signature,
        string text,
        List<(int Position, ulong Signatures)> hits,
        ulong bit)
    {
        if (text.Length <= 2 * AnchorReach)
        {
            var whole = signature.Pattern.Match(text);
            return whole.Success ? whole : null;
        }

        var windowStart = -1;
        var windowEnd = -1;
        foreach (var (position, owners) in hits)
        {
            if ((owners & bit) == 0)
            {
                continue;
            }

            var start = Math.Max(0, position - AnchorReach);
            var end = Math.Min(text.Length, position + AnchorReach);
            if (windowStart >= 0 && start <= windowEnd)
            {
                windowEnd = Math.Max(windowEnd, end);
                continue;
            }

            if (windowStart >= 0 && Scan(signature, text, windowStart, windowEnd) is { } found)
            {
                return found;
            }

            (windowStart, windowEnd) = (start, end);
        }

        return windowStart >= 0 ? Scan(signature, text, windowStart, windowEnd) : null;
    }

    private static System.Text.RegularExpressions.Match? Scan(InjectionSignature signature, string text, int start, int end)
    {
        // Widen to word breaks: a window that starts mid-word would let \b match where the text has none.
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var match = signature.Pattern.Match(text, start, end - start);
        return match.Success ? match : null;
    }

    private const int AnchorReach = 400;

    /// <summary>
    /// The lower-cased clean text (for layout-dependent signatures), the folded text, its ROT13 and reversed forms,
    /// then the decoded views. The folded view keeps everything the signatures look for while undoing obfuscation, so
    /// the bulk of the patterns run there once rather than on two near-identical copies.
    /// </summary>
    /// <remarks>
    /// ROT13 and reversal turn readable text into noise, so for a long text only the stretches that are not readable
    /// already (<see cref="ReadableText"/>) are transformed: a hidden line is still found, and a long ordinary
    /// document is not scanned three times.
    /// </remarks>
    private static IEnumerable<(TextView View, bool Encoded)> Views(NormalizedText text)
    {
        yield return (text.Clean.WithText(text.Clean.Text.ToLowerInvariant()), false);
        yield return (text.Folded, false);
        if (text.Folded.Text.Length <= FullyTransformedLength)
        {
            yield return (text.Rot13View, true);
            yield return (text.ReversedView, true);
        }
        else
        {
            foreach (var (start, length) in ReadableText.UnreadableStretches(text.Folded.Text))
            {
                var stretch = text.Folded.Slice(start, length);
                yield return (stretch.WithText(TextNormalizer.ApplyRot13(stretch.Text)), true);
                yield return (stretch.Reverse(), true);
            }
        }

        foreach (var decoded in text.DecodedViews)
        {
            yield return (decoded, true);
        }
    }

    private const int FullyTransformedLength = 1024;
}
