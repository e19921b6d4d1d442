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

    // The words matches of some signatures must start with (see SignatureLeads), and which signatures have them.
    private static readonly string[]?[] s_leadWords = SignatureLeads.For(InjectionSignatures.All);
    private static readonly ulong s_hasLead = LeadMask(s_leadWords);

    // The lower-cased clean view only runs the few layout signatures, so it only looks for their anchors.
    internal static readonly AnchorIndex FoldedAnchors = new(InjectionSignatures.All, static s => !s.NeedsLayout, s_leadWords);
    private static readonly AnchorIndex s_layoutAnchors = new(InjectionSignatures.All, static s => s.NeedsLayout, s_leadWords);

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
    /// <remarks>
    /// The views, in order: the lower-cased clean text (for layout-dependent signatures), the folded text, its ROT13
    /// and reversed forms, then the decoded views. The folded view keeps everything the signatures look for while
    /// undoing obfuscation, so the bulk of the patterns run there once rather than on two near-identical copies.
    /// ROT13 and reversal turn readable text into noise, so for a long text only the stretches that are not readable
    /// already (<see cref="ReadableText"/>) are searched in those forms: a hidden line is still found, and a long
    /// ordinary document is not scanned three times. A stretch is searched as a range of the whole transformed text,
    /// which the patterns see exactly as they would see a copy of the stretch.
    /// </remarks>
    public static SignatureScore ScoreSignatures(NormalizedText text)
    {
        var state = new Accumulator { Survival = 1.0, Category = string.Empty };
        var hits = new List<(int Position, ulong Signatures)>();
        var leads = new List<(int Position, ulong Signatures)>();
        var clean = text.Clean;
        var lower = clean.WithText(clean.Text.ToLowerInvariant());
        Search(ref state, lower, 0, lower.Text.Length, encoded: false, s_layoutAnchors, hits, leads);
        var folded = text.Folded;
        var length = folded.Text.Length;
        Search(ref state, folded, 0, length, encoded: false, FoldedAnchors, hits, leads);
        if (length <= FullyTransformedLength)
        {
            Search(ref state, text.Rot13View, 0, length, encoded: true, FoldedAnchors, hits, leads);
            Search(ref state, text.ReversedView, 0, length, encoded: true, FoldedAnchors, hits, leads);
        }
        else
        {
            foreach (var (start, stretch) in ReadableText.UnreadableStretches(folded.Text))
            {
                Search(ref state, text.Rot13View, start, stretch, encoded: true, FoldedAnchors, hits, leads);

                // Reversal maps folded[start, start + stretch) onto this range of the reversed text.
                Search(ref state, text.ReversedView, length - start - stretch, stretch, encoded: true, FoldedAnchors, hits, leads);
            }
        }

        foreach (var decoded in text.DecodedViews)
        {
            Search(ref state, decoded, 0, decoded.Text.Length, encoded: true, FoldedAnchors, hits, leads);
        }

        if (state.Evidence is not { } evidence)
        {
            return default;
        }

        var survival = state.Survival;
        if (state.HiddenInEncoding)
        {
            survival *= 1 - ObfuscationWeight;
        }

        evidence.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return new SignatureScore(1 - survival, state.Category, evidence);
    }

    /// <summary>Runs every signature not matched yet whose anchors occur in view.Text[start, start + length).</summary>
    private static void Search(
        ref Accumulator state,
        TextView view,
        int start,
        int length,
        bool encoded,
        AnchorIndex anchors,
        List<(int Position, ulong Signatures)> hits,
        List<(int Position, ulong Signatures)> leads)
    {
        var signatures = InjectionSignatures.All;
        hits.Clear();
        leads.Clear();
        var candidates = anchors.Hits(view.Text.AsSpan(start, length), start, hits, leads, out _) & ~state.Matched;
        if ((candidates & s_hasLead) != 0)
        {
            candidates &= ~s_hasLead | KeepWordStarts(view.Text, start, leads);
        }

        for (var i = 0; candidates != 0; i++, candidates >>= 1)
        {
            if ((candidates & 1) == 0)
            {
                continue;
            }

            var signature = signatures[i];
            var bit = 1UL << i;
            var match = MatchNearAnchors(signature, view.Text, start, start + length, hits, bit, (s_hasLead & bit) != 0 ? leads : null);
            if (match is null)
            {
                continue;
            }

            state.Matched |= 1UL << i;
            var mentioned = !encoded &&
                (QuotedText.IsQuoted(view.Text, match.Index, match.Length) || DiscussedText.IsDiscussed(view.Text, match.Index, match.Length));
            var weight = mentioned ? signature.Weight * QuotedText.Weight : signature.Weight;
            state.Survival *= 1 - weight;
            if (weight > state.Strongest)
            {
                state.Strongest = weight;
                state.Category = signature.Category;
            }

            state.HiddenInEncoding |= encoded;
            var span = view.ToRaw(match.Index, match.Length);
            if (!(state.Evidence ??= []).Contains(span))
            {
                state.Evidence.Add(span);
            }
        }
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
        List<(int Position, ulong Signatures)> leads,
        ulong bit)
    {
        KeepWordStarts(text, 0, leads);
        return MatchNearAnchors(signature, text, 0, text.Length, hits, bit, (s_hasLead & bit) != 0 ? leads : null);
    }

    /// <summary>
    /// As above, within text[rangeStart, rangeEnd), which the pattern sees as if it were the whole text. With
    /// <paramref name="leads"/>, the pattern is tried only at those of the signature (<see cref="MatchAtLeads"/>).
    /// </summary>
    private static System.Text.RegularExpressions.Match? MatchNearAnchors(
        InjectionSignature signature,
        string text,
        int rangeStart,
        int rangeEnd,
        List<(int Position, ulong Signatures)> hits,
        ulong bit,
        List<(int Position, ulong Signatures)>? leads)
    {
        if (rangeEnd - rangeStart <= 2 * AnchorReach)
        {
            return leads is null
                ? Found(signature.Pattern.Match(text, rangeStart, rangeEnd - rangeStart))
                : MatchAtLeads(signature, text, rangeStart, rangeEnd, leads, bit);
        }

        var windowStart = -1;
        var windowEnd = -1;
        foreach (var (position, owners) in hits)
        {
            if ((owners & bit) == 0)
            {
                continue;
            }

            var start = Math.Max(rangeStart, position - AnchorReach);
            var end = Math.Min(rangeEnd, position + AnchorReach);
            if (windowStart >= 0 && start <= windowEnd)
            {
                windowEnd = Math.Max(windowEnd, end);
                continue;
            }

            if (windowStart >= 0 && Scan(signature, text, windowStart, windowEnd, rangeStart, rangeEnd, leads, bit) is { } found)
            {
                return found;
            }

            (windowStart, windowEnd) = (start, end);
        }

        return windowStart >= 0 ? Scan(signature, text, windowStart, windowEnd, rangeStart, rangeEnd, leads, bit) : null;
    }

    private static System.Text.RegularExpressions.Match? Scan(
        InjectionSignature signature,
        string text,
        int start,
        int end,
        int rangeStart,
        int rangeEnd,
        List<(int Position, ulong Signatures)>? leads,
        ulong bit)
    {
        // Widen to word breaks: a window that starts mid-word would let \b match where the text has none.
        while (start > rangeStart && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (end < rangeEnd && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return leads is null ? Found(signature.Pattern.Match(text, start, end - start)) : MatchAtLeads(signature, text, start, end, leads, bit);
    }

    /// <summary>
    /// Every match starts at one of the signature's leads, so rather than trying the pattern at every position of the
    /// window, it is tried only there, anchored: the leftmost match in the window, found in a few attempts instead of
    /// one per character. Leads are already at word starts (<see cref="KeepWordStarts"/>), which is what the
    /// pattern's opening \b asks of them.
    /// </summary>
    private static System.Text.RegularExpressions.Match? MatchAtLeads(
        InjectionSignature signature,
        string text,
        int start,
        int end,
        List<(int Position, ulong Signatures)> leads,
        ulong bit)
    {
        System.Text.RegularExpressions.Regex? anchored = null;
        for (var i = FirstAtOrAfter(leads, start); i < leads.Count && leads[i].Position < end; i++)
        {
            var (position, owners) = leads[i];
            if ((owners & bit) != 0 && Found((anchored ??= signature.Anchored).Match(text, position, end - position)) is { } match)
            {
                return match;
            }
        }

        return null;
    }

    private static System.Text.RegularExpressions.Match? Found(System.Text.RegularExpressions.Match match) => match.Success ? match : null;

    /// <summary>The index of the first lead at or after <paramref name="position"/>; leads are in text order.</summary>
    private static int FirstAtOrAfter(List<(int Position, ulong Signatures)> leads, int position)
    {
        var (low, high) = (0, leads.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = leads[middle].Position < position ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    /// <summary>
    /// Drops lead hits that follow a word character: the \b before every lead cannot hold there. The start of the
    /// range always counts, since a pattern sees it as the start of the text.
    /// </summary>
    private static ulong KeepWordStarts(string text, int rangeStart, List<(int Position, ulong Signatures)> leads)
    {
        var kept = 0;
        var mask = 0UL;
        for (var i = 0; i < leads.Count; i++)
        {
            var (position, owners) = leads[i];
            if (position > rangeStart && RegexWordCharacters.IsBoundaryWordChar(text[position - 1]))
            {
                continue;
            }

            leads[kept++] = (position, owners);
            mask |= owners;
        }

        leads.RemoveRange(kept, leads.Count - kept);
        return mask;
    }

    private static ulong LeadMask(string[]?[] leads)
    {
        var mask = 0UL;
        for (var i = 0; i < leads.Length; i++)
        {
            mask |= leads[i] is null ? 0 : 1UL << i;
        }

        return mask;
    }

    private const int AnchorReach = 400;

    /// <summary>What the views matched so far; signatures count once, whichever view they match first.</summary>
    private struct Accumulator
    {
        public ulong Matched;
        public List<EvidenceSpan>? Evidence;
        public double Survival;
        public double Strongest;
        public string Category;
        public bool HiddenInEncoding;
    }

    private const int FullyTransformedLength = 1024;
}
