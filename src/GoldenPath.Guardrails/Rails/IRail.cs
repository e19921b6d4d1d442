namespace GoldenPath.Guardrails;

/// <summary>One detector. Rails are stateless after construction so one engine serves every request.</summary>
internal interface IRail
{
    void Evaluate(RailContext context);
}
