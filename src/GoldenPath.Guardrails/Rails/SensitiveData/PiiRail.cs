using System.Text.RegularExpressions;

namespace GoldenPath.Guardrails;

/// <summary>
/// Personal data. Runs on the cleaned view, so full-width digits and zero-width characters inside an address
/// do not hide it, and checks checksums (Luhn, IBAN mod-97) so that random numbers are not redacted.
/// </summary>
internal sealed partial class PiiRail(PiiRailSettings settings) : IRail
{
    public const string Name = "pii";

    public void Evaluate(RailContext context)
    {
        var action = context.Stage == RailStage.Input ? settings.InputAction : settings.OutputAction;
        if (action == RailAction.Allow)
        {
            return;
        }

        var view = context.Text.Clean;
        var claimed = new SpanSet();

        // Every pattern but e-mail needs digits and e-mail needs '@': most prompts have neither, and skip them all.
        var text = view.Text.AsSpan();
        var hasDigits = text.ContainsAnyInRange('0', '9');

        // Most specific first: a card number must not also be reported as a phone number.
        if (hasDigits)
        {
            Detect(context, view, claimed, action, PiiCategories.PaymentCard, 1.0, PaymentCard(), static m => IsCard(m));
            Detect(context, view, claimed, action, PiiCategories.Iban, 1.0, IbanNumber(), static m => IsIban(m));
            Detect(context, view, claimed, action, PiiCategories.Ssn, 0.85, Ssn(), static _ => true);
        }

        if (text.Contains('@'))
        {
            Detect(context, view, claimed, action, PiiCategories.Email, 0.95, Email(), static _ => true);
        }

        if (hasDigits)
        {
            Detect(context, view, claimed, action, PiiCategories.Phone, 0.8, InternationalPhone(), static m => DigitCount(m) is >= 8 and <= 15);
            Detect(context, view, claimed, action, PiiCategories.Phone, 0.8, NorthAmericanPhone(), static _ => true);
        }
    }

    private static void Detect(
        RailContext context,
        TextView view,
        SpanSet claimed,
        RailAction action,
        string category,
        double score,
        Regex pattern,
        Func<ReadOnlySpan<char>, bool> validate)
    {
        List<EvidenceSpan>? evidence = null;
        foreach (var match in pattern.EnumerateMatches(view.Text))
        {
            if (!validate(view.Text.AsSpan(match.Index, match.Length)))
            {
                continue;
            }

            var span = view.ToRaw(match.Index, match.Length);
            if (claimed.TryAdd(span))
            {
                (evidence ??= []).Add(span);
            }
        }

        if (evidence is not null)
        {
            context.Report(Name, action, category, score, evidence);
        }
    }

    private static bool IsCard(ReadOnlySpan<char> match)
    {
        Span<char> digits = stackalloc char[match.Length];
        var count = 0;
        foreach (var c in match)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
        }

        return count is >= 13 and <= 19 && Luhn.IsValid(digits[..count]);
    }

    private static bool IsIban(ReadOnlySpan<char> match)
    {
        Span<char> compact = stackalloc char[match.Length];
        var count = 0;
        foreach (var c in match)
        {
            if (c != ' ')
            {
                compact[count++] = c;
            }
        }

        return Iban.IsValid(compact[..count]);
    }

    private static int DigitCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")]
    private static partial Regex PaymentCard();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")]
    private static partial Regex IbanNumber();

    [GeneratedRegex(@"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){1,5}[ .-]?\d{2,4}(?![\w-])")]
    private static partial Regex InternationalPhone();

    [GeneratedRegex(@"(?<![\w+(.-])(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])")]
    private static partial Regex NorthAmericanPhone();
}
