namespace GoldenPath.Fast;

/// <summary>How many cases ended in each outcome.</summary>
public sealed record OutcomeCounts(int Deflected, int Errored, int Answered, int Disclosed)
{
    public int Total => Deflected + Errored + Answered + Disclosed;

    public int this[CaseOutcome outcome] => outcome switch
    {
        CaseOutcome.Deflected => Deflected,
        CaseOutcome.Errored => Errored,
        CaseOutcome.Answered => Answered,
        CaseOutcome.Disclosed => Disclosed,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    internal static OutcomeCounts Count(IEnumerable<CaseResult> results)
    {
        int deflected = 0, errored = 0, answered = 0, disclosed = 0;
        foreach (var result in results)
        {
            switch (result.Outcome)
            {
                case CaseOutcome.Deflected: deflected++; break;
                case CaseOutcome.Errored: errored++; break;
                case CaseOutcome.Answered: answered++; break;
                case CaseOutcome.Disclosed: disclosed++; break;
            }
        }

        return new OutcomeCounts(deflected, errored, answered, disclosed);
    }
}
