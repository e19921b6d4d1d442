using System.Text;

namespace GoldenPath.Guardrails;

/// <summary>A replacement of one raw span, applied after every rail has run.</summary>
internal readonly record struct RedactionEdit(int Start, int Length, string Replacement)
{
    public int End => Start + Length;

    public static string TokenFor(string category) =>
        $"[REDACTED:{category.ToUpperInvariant().Replace('-', '_')}]";

    /// <summary>
    /// Applies edits to <paramref name="text"/>. Overlapping edits are merged into one covering both, keeping
    /// the replacement of the larger span (an e-mail inside a removed link disappears with the link).
    /// </summary>
    public static string Apply(string text, IReadOnlyList<RedactionEdit> edits)
    {
        if (edits.Count == 0)
        {
            return text;
        }

        var ordered = edits.OrderBy(e => e.Start).ThenByDescending(e => e.Length).ToArray();
        var builder = new StringBuilder(text.Length);
        var position = 0;
        var i = 0;
        while (i < ordered.Length)
        {
            var current = ordered[i++];
            while (i < ordered.Length && ordered[i].Start < current.End)
            {
                var next = ordered[i++];
                var replacement = next.Length > current.Length ? next.Replacement : current.Replacement;
                var end = Math.Max(current.End, next.End);
                current = new RedactionEdit(current.Start, end - current.Start, replacement);
            }

            builder.Append(text, position, current.Start - position).Append(current.Replacement);
            position = current.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
