namespace GoldenPath.Guardrails;

/// <summary>
/// Stops answers that reproduce documents the caller may not read. The request's probe knows the caller's
/// permissions; this rail is the last line behind retrieval filtering, so a match is never dropped: a span a
/// faulty probe places outside the answer is clamped to it rather than ignored.
/// </summary>
internal sealed class RestrictedContentRail(RestrictedContentRailSettings settings) : IRail
{
    public const string Name = "restricted-content";
    public const string Category = "restricted-document";

    public void Evaluate(RailContext context)
    {
        var probe = context.Request.RestrictedContent;
        if (settings.Action == RailAction.Allow || probe is null || context.Stage != RailStage.Output)
        {
            return;
        }

        var answer = context.Text.Raw;
        var matches = probe.Find(answer);
        if (matches is null || matches.Count == 0)
        {
            return;
        }

        var evidence = new List<EvidenceSpan>(matches.Count);
        foreach (var match in matches)
        {
            var start = Math.Clamp(match.Span.Start, 0, answer.Length);
            var end = Math.Clamp(match.Span.End, start, answer.Length);
            var span = end > start ? new EvidenceSpan(start, end - start) : new EvidenceSpan(0, answer.Length);
            if (!evidence.Contains(span))
            {
                evidence.Add(span);
            }
        }

        context.Report(Name, settings.Action, Category, 1.0, evidence);
    }
}
