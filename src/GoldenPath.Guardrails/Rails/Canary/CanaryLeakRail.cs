using System.Buffers;
using System.Text;

namespace GoldenPath.Guardrails;

/// <summary>
/// Blocks answers that contain the deployment canary. The canary only exists in the system prompt, so any
/// form of it in an answer (plain, spaced or dashed, leetspeak, reversed, URL-encoded, base64 or hex) means
/// the prompt is being extracted. Text is compared as an alphanumeric skeleton so separators cannot hide it.
/// </summary>
internal sealed class CanaryLeakRail : IRail
{
    public const string Name = "canary";
    public const string Category = "canary-leak";
    public const int MinimumLength = 8;

    private readonly CanaryRailSettings _settings;
    private readonly string _skeleton;
    private readonly string _reversedSkeleton;
    private readonly string[] _encodedForms;

    public CanaryLeakRail(CanaryRailSettings settings, string canary)
    {
        _settings = settings;
        _skeleton = Skeleton(TextNormalizer.Fold(canary));
        if (_skeleton.Length < MinimumLength)
        {
            throw new ArgumentException(
                $"The canary must contain at least {MinimumLength} letters or digits so that it cannot occur by chance. " +
                $"Set {GuardrailOptions.SectionName}:Canary to a longer random value.",
                nameof(canary));
        }

        var chars = _skeleton.ToCharArray();
        Array.Reverse(chars);
        _reversedSkeleton = new string(chars);
        _encodedForms = EncodedForms(canary);
    }

    public void Evaluate(RailContext context)
    {
        var text = context.Text;
        List<EvidenceSpan>? evidence = null;

        // Base64 of the canary inside a longer encoded run may not decode on its own; look for it directly.
        foreach (var form in _encodedForms)
        {
            var index = text.Raw.IndexOf(form, StringComparison.Ordinal);
            if (index >= 0)
            {
                Add(ref evidence, new EvidenceSpan(index, form.Length));
            }
        }

        Search(text.Folded, ref evidence);
        foreach (var decoded in text.DecodedViews)
        {
            Search(decoded, ref evidence);
        }

        if (evidence is not null)
        {
            context.Report(Name, _settings.Action, Category, 1.0, evidence);
        }
    }

    /// <summary>
    /// Looks for the canary's letters and digits, in order or reversed, in the view's letters and digits: spacing,
    /// dashes and line breaks between them do not hide it. Buffers are pooled; this runs on every streamed segment.
    /// </summary>
    private void Search(TextView view, ref List<EvidenceSpan>? evidence)
    {
        var text = view.Text;
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        var positions = ArrayPool<int>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            var length = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsLetterOrDigit(text[i]))
                {
                    chars[length] = text[i];
                    positions[length++] = i;
                }
            }

            var skeleton = chars.AsSpan(0, length);
            foreach (var needle in (ReadOnlySpan<string>)[_skeleton, _reversedSkeleton])
            {
                var index = skeleton.IndexOf(needle, StringComparison.Ordinal);
                if (index >= 0)
                {
                    var first = positions[index];
                    var last = positions[index + needle.Length - 1];
                    Add(ref evidence, view.ToRaw(first, last - first + 1));
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<int>.Shared.Return(positions);
        }
    }

    private static void Add(ref List<EvidenceSpan>? evidence, EvidenceSpan span)
    {
        evidence ??= [];
        if (!evidence.Contains(span))
        {
            evidence.Add(span);
        }
    }

    private static string Skeleton(string folded)
    {
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The stable core of the canary's base64 encoding at each of the three byte alignments (standard and
    /// URL-safe alphabets). Percent-encoded and whole base64 or hex payloads are decoded by the normalizer.
    /// </summary>
    private static string[] EncodedForms(string canary)
    {
        var bytes = Encoding.UTF8.GetBytes(canary);
        var forms = new List<string>();
        for (var offset = 0; offset < 3; offset++)
        {
            var shifted = new byte[offset + bytes.Length];
            bytes.CopyTo(shifted, offset);
            var encoded = Convert.ToBase64String(shifted);

            // Characters that mix in the padding bytes before or the unknown bytes after are unstable.
            var first = offset == 0 ? 0 : offset + 1;
            var last = ((offset + bytes.Length) / 3 * 4) - 1;
            if (last - first + 1 >= MinimumLength)
            {
                var core = encoded[first..(last + 1)];
                forms.Add(core);
                forms.Add(core.Replace('+', '-').Replace('/', '_'));
            }
        }

        return [.. forms.Distinct(StringComparer.Ordinal)];
    }
}
