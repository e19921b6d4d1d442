namespace GoldenPath.Guardrails;

/// <summary>Whether a rail looked at text going to the model or coming back from it.</summary>
public enum RailStage
{
    Input,
    Output,
}
