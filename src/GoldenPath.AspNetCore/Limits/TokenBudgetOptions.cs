namespace GoldenPath.AspNetCore.Limits;

/// <summary>How many model tokens (prompt plus answer) one user may spend per window.</summary>
public sealed class TokenBudgetOptions
{
    public const string SectionName = "GoldenPath:TokenBudget";

    public int TokensPerWindow { get; set; } = 100_000;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
