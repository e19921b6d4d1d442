namespace GoldenPath.Guardrails;

/// <summary>
/// The views of one text that detectors look at: the raw text, a canonical form that undoes common
/// obfuscation, and any payloads hidden in it with base64, hex or percent encoding.
/// </summary>
public sealed class NormalizedText
{
    private TextView? _rot13;
    private TextView? _reversed;

    internal NormalizedText(TextView raw, TextView clean, TextView folded, IReadOnlyList<TextView> decoded)
    {
        RawView = raw;
        Clean = clean;
        Folded = folded;
        DecodedViews = decoded;
    }

    public string Raw => RawView.Text;

    /// <summary>
    /// NFKC, invisible characters removed, homoglyphs and diacritics folded, spaced-out letters joined,
    /// leetspeak mapped, lower case, single spaces.
    /// </summary>
    public string Normalized => Folded.Text;

    /// <summary>The normalized form of every encoded payload found in the text.</summary>
    public IReadOnlyList<string> Decoded => [.. DecodedViews.Select(v => v.Text)];

    /// <summary>The normalized text with ROT13 applied, which reveals ROT13-encoded instructions.</summary>
    public string Rot13 => Rot13View.Text;

    /// <summary>The normalized text backwards, which reveals instructions written in reverse.</summary>
    public string Reversed => ReversedView.Text;

    internal TextView RawView { get; }

    /// <summary>The raw text after NFKC, invisible-character removal and homoglyph folding; case and digits kept.</summary>
    internal TextView Clean { get; }

    internal TextView Folded { get; }

    internal IReadOnlyList<TextView> DecodedViews { get; }

    internal TextView Rot13View => _rot13 ??= Folded.WithText(TextNormalizer.ApplyRot13(Folded.Text));

    internal TextView ReversedView => _reversed ??= Folded.Reverse();
}
