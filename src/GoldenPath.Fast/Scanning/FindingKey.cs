namespace GoldenPath.Fast;

/// <summary>Identity of a finding across scans, used to compare a scan with its baseline.</summary>
public sealed record FindingKey(string CaseId, string Evaluator)
{
    public override string ToString() => $"{CaseId} ({Evaluator})";
}
