namespace GoldenPath.Guardrails;

/// <summary>
/// Runs the rails a policy enables. One engine is built per policy and options and shared by all requests:
/// every rail is stateless and every pattern is compiled once.
/// </summary>
public sealed class GuardrailEngine
{
    private readonly IRail[] _inputRails;
    private readonly IRail[] _outputRails;

    /// <exception cref="ArgumentException">The canary in <paramref name="options"/> is too short to be safe.</exception>
    public GuardrailEngine(GuardrailPolicy policy, GuardrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);

        Policy = policy;
        RefusalMessage = options.RefusalMessage;

        List<IRail> input = [];
        List<IRail> output = [];
        if (policy.TokenLimit.Enabled)
        {
            input.Add(new TokenLimitRail(policy.TokenLimit));
        }

        if (policy.ContextOverflow.Enabled)
        {
            input.Add(new ContextOverflowRail(policy.ContextOverflow));
        }

        if (policy.PromptInjection.Enabled)
        {
            input.Add(new PromptInjectionRail(policy.PromptInjection));
        }

        if (policy.Pii.Enabled)
        {
            var pii = new PiiRail(policy.Pii);
            input.Add(pii);
            output.Add(pii);
        }

        if (policy.Secrets.Enabled)
        {
            var secrets = new SecretsRail(policy.Secrets);
            input.Add(secrets);
            output.Add(secrets);
        }

        if (policy.Canary.Enabled && !string.IsNullOrEmpty(options.Canary))
        {
            output.Add(new CanaryLeakRail(policy.Canary, options.Canary));
        }

        if (policy.Exfiltration.Enabled)
        {
            output.Add(new ExfiltrationRail(policy.Exfiltration, new LinkPolicy(options.AllowedLinkHosts ?? [])));
        }

        if (policy.DeniedTopics.Enabled && policy.DeniedTopics.Topics.Count > 0)
        {
            var topics = new DeniedTopicsRail(policy.DeniedTopics);
            input.Add(topics);
            output.Add(topics);
        }

        if (policy.SystemPromptLeak.Enabled)
        {
            output.Add(new SystemPromptLeakRail(policy.SystemPromptLeak));
        }

        if (policy.Grounding.Enabled)
        {
            output.Add(new GroundingRail(policy.Grounding));
        }

        if (policy.RestrictedContent.Enabled)
        {
            output.Add(new RestrictedContentRail(policy.RestrictedContent));
        }

        _inputRails = [.. input];
        _outputRails = [.. output];
    }

    public GuardrailPolicy Policy { get; }

    internal string RefusalMessage { get; }

    /// <summary>Builds an engine from <see cref="GuardrailOptions.PolicyPath"/>, or the embedded default policy when it is not set.</summary>
    /// <exception cref="GuardrailPolicyException">The policy file is missing or invalid.</exception>
    public static GuardrailEngine Create(GuardrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var policy = string.IsNullOrWhiteSpace(options.PolicyPath) ? GuardrailPolicy.Default : GuardrailPolicy.Load(options.PolicyPath);
        return new GuardrailEngine(policy, options);
    }

    /// <param name="text">The user's message.</param>
    /// <param name="request">What else the rails may know about the conversation.</param>
    public GuardrailVerdict EvaluateInput(string text, GuardrailRequest? request = null) => EvaluateAndRecord(text, RailStage.Input, request);

    /// <param name="text">The model's answer, or a tool result on its way to the model.</param>
    /// <param name="request">The system prompt, retrieved context and caller the answer is checked against.</param>
    public GuardrailVerdict EvaluateOutput(string text, GuardrailRequest? request = null) => EvaluateAndRecord(text, RailStage.Output, request);

    /// <summary>Evaluates without telemetry; streaming calls this many times per response and records once.</summary>
    internal GuardrailVerdict Evaluate(string? text, RailStage stage, GuardrailRequest? request = null)
    {
        text ??= string.Empty;

        var tooLong = stage == RailStage.Input ? TooLong(text) : null;
        if (tooLong?.Action == RailAction.Block)
        {
            // Do not spend time normalizing text that is refused anyway.
            return new GuardrailVerdict(RailAction.Block, Policy.Version, [tooLong], RefusalMessage);
        }

        var context = new RailContext(TextNormalizer.Normalize(text), stage, request);
        foreach (var rail in stage == RailStage.Input ? _inputRails : _outputRails)
        {
            rail.Evaluate(context);
        }

        IReadOnlyList<RailFinding> findings = context.Findings;
        var action = context.Action;
        if (tooLong is not null)
        {
            findings = [tooLong, .. findings];
            action = tooLong.Action > action ? tooLong.Action : action;
        }

        var result = action switch
        {
            RailAction.Block => RefusalMessage,
            RailAction.Redact => RedactionEdit.Apply(text, context.Edits),
            _ => text,
        };

        return new GuardrailVerdict(action, Policy.Version, findings, result);
    }

    internal void Record(RailStage stage, GuardrailVerdict verdict)
    {
        using var activity = GuardrailsTelemetry.StartActivity(stage);
        GuardrailsTelemetry.Record(activity, stage, verdict);
    }

    private GuardrailVerdict EvaluateAndRecord(string text, RailStage stage, GuardrailRequest? request)
    {
        using var activity = GuardrailsTelemetry.StartActivity(stage);
        var verdict = Evaluate(text, stage, request);
        GuardrailsTelemetry.Record(activity, stage, verdict);
        return verdict;
    }

    private RailFinding? TooLong(string text)
    {
        var settings = Policy.InputLength;
        if (!settings.Enabled || settings.Action == RailAction.Allow || text.Length <= settings.MaxCharacters)
        {
            return null;
        }

        return new RailFinding(
            "input-length",
            RailStage.Input,
            settings.Action,
            "input-too-long",
            1.0,
            [new EvidenceSpan(settings.MaxCharacters, text.Length - settings.MaxCharacters)]);
    }
}
