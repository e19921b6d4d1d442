namespace GoldenPath.Guardrails;

/// <summary>
/// Scores the input against <see cref="InjectionSignatures"/> on every view of the text. Each signature counts
/// once, however many views it appears in; scores combine as 1 - Π(1 - weight) so that several weak cues can
/// add up to a block while none of them alone does.
/// </summary>
internal sealed class PromptInjectionRail(PromptInjectionRailSettings settings) : IRail
{
    public const string Name = "prompt-injection";

    // Instructions that only appear once decoded (base64, hex, ROT13, reversed) are hidden on purpose.
    private const double ObfuscationWeight = 0.3;

    private static readonly AnchorIndex s_anchors = new(InjectionSignatures.All);
    private static readonly ulong s_layoutMask = Mask(static s => s.NeedsLayout);
    private static readonly ulong s_foldedMask = Mask(static s => !s.NeedsLayout);

    public void Evaluate(RailContext context)
    {
        var text = context.Text;
        var signatures = InjectionSignatures.All;
        var matched = 0UL;
        List<EvidenceSpan>? evidence = null;
        var survival = 1.0;
        var strongest = 0.0;
        var category = string.Empty;
        var hiddenInEncoding = false;

        foreach (var (view, encoded) in Views(text))
        {
            var candidates = s_anchors.Candidates(view.Text) & ~matched & (view == text.Folded || encoded ? s_foldedMask : s_layoutMask);
            for (var i = 0; candidates != 0; i++, candidates >>= 1)
            {
                if ((candidates & 1) == 0)
                {
                    continue;
                }

                var signature = signatures[i];
                var match = signature.Pattern.Match(view.Text);
                if (!match.Success)
                {
                    continue;
                }

                matched |= 1UL << i;
                survival *= 1 - signature.Weight;
                if (signature.Weight > strongest)
                {
                    strongest = signature.Weight;
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
            return;
        }

        if (hiddenInEncoding)
        {
            survival *= 1 - ObfuscationWeight;
        }

        var score = Math.Round(1 - survival, 4);
        var action = score >= settings.Threshold ? settings.Action
            : score >= settings.FlagThreshold ? RailAction.Flag
            : RailAction.Allow;
        evidence.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        context.Report(Name, action, category, score, evidence);
    }

    /// <summary>
    /// The lower-cased clean text (for layout-dependent signatures), the folded text, then the decoded views.
    /// The folded view keeps everything the signatures look for while undoing obfuscation, so the bulk of the
    /// patterns run there once rather than on two near-identical copies.
    /// </summary>
    private static IEnumerable<(TextView View, bool Encoded)> Views(NormalizedText text)
    {
        yield return (text.Clean.WithText(text.Clean.Text.ToLowerInvariant()), false);
        yield return (text.Folded, false);
        yield return (text.Rot13View, true);
        yield return (text.ReversedView, true);
        foreach (var decoded in text.DecodedViews)
        {
            yield return (decoded, true);
        }
    }

    private static ulong Mask(Func<InjectionSignature, bool> predicate)
    {
        var mask = 0UL;
        for (var i = 0; i < InjectionSignatures.All.Count; i++)
        {
            if (predicate(InjectionSignatures.All[i]))
            {
                mask |= 1UL << i;
            }
        }

        return mask;
    }
}
