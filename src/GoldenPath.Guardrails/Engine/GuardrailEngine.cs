using System.Diagnostics;

namespace GoldenPath.Guardrails;

/// <summary>
/// Runs the rails a policy enables. One engine is built per policy and options and shared by all requests:
/// every rail is stateless and every pattern is compiled once.
/// </summary>
public sealed class GuardrailEngine
{
    private const string InputLengthRail = "input-length";

    private readonly RailSlot[] _inputRails;
    private readonly RailSlot[] _outputRails;

    /// <exception cref="ArgumentException">The canary in <paramref name="options"/> is too short to be safe.</exception>
    public GuardrailEngine(GuardrailPolicy policy, GuardrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);

        Policy = policy;
        RefusalMessage = options.RefusalMessage;

        List<RailSlot> input = [];
        List<RailSlot> output = [];
        if (policy.TokenLimit.Enabled)
        {
            input.Add(new(TokenLimitRail.Name, new TokenLimitRail(policy.TokenLimit), policy.TokenLimit.Mode));
        }

        if (policy.ContextOverflow.Enabled)
        {
            input.Add(new(ContextOverflowRail.Name, new ContextOverflowRail(policy.ContextOverflow), policy.ContextOverflow.Mode));
        }

        if (policy.PromptInjection.Enabled)
        {
            input.Add(new(PromptInjectionRail.Name, new PromptInjectionRail(policy.PromptInjection), policy.PromptInjection.Mode));
        }

        if (policy.Pii.Enabled)
        {
            var pii = new RailSlot(PiiRail.Name, new PiiRail(policy.Pii), policy.Pii.Mode);
            input.Add(pii);
            output.Add(pii);
        }

        if (policy.Secrets.Enabled)
        {
            var secrets = new RailSlot(SecretsRail.Name, new SecretsRail(policy.Secrets), policy.Secrets.Mode);
            input.Add(secrets);
            output.Add(secrets);
        }

        if (policy.Canary.Enabled && !string.IsNullOrEmpty(options.Canary))
        {
            output.Add(new(CanaryLeakRail.Name, new CanaryLeakRail(policy.Canary, options.Canary), policy.Canary.Mode));
        }

        if (policy.Exfiltration.Enabled)
        {
            output.Add(new(
                ExfiltrationRail.Name,
                new ExfiltrationRail(policy.Exfiltration, new LinkPolicy(options.AllowedLinkHosts ?? [])),
                policy.Exfiltration.Mode));
        }

        if (policy.DeniedTopics.Enabled && policy.DeniedTopics.Topics.Count > 0)
        {
            var topics = new RailSlot(DeniedTopicsRail.Name, new DeniedTopicsRail(policy.DeniedTopics), policy.DeniedTopics.Mode);
            input.Add(topics);
            output.Add(topics);
        }

        if (policy.SystemPromptLeak.Enabled)
        {
            output.Add(new(SystemPromptLeakRail.Name, new SystemPromptLeakRail(policy.SystemPromptLeak), policy.SystemPromptLeak.Mode));
        }

        if (policy.Grounding.Enabled)
        {
            output.Add(new(GroundingRail.Name, new GroundingRail(policy.Grounding), policy.Grounding.Mode));
        }

        if (policy.RestrictedContent.Enabled)
        {
            output.Add(new(RestrictedContentRail.Name, new RestrictedContentRail(policy.RestrictedContent), policy.RestrictedContent.Mode));
        }

        _inputRails = [.. input];
        _outputRails = [.. output];
        Tools = new ToolGuard(this, policy.Tools);
    }

    /// <summary>The names of the rails that run on input, in order; for audits and for tests that pin the pipeline.</summary>
    public IReadOnlyList<string> InputRails => [InputLengthRail, .. _inputRails.Select(r => r.Name)];

    /// <summary>The names of the rails that run on output, in order.</summary>
    public IReadOnlyList<string> OutputRails => [.. _outputRails.Select(r => r.Name)];

    public GuardrailPolicy Policy { get; }

    /// <summary>Decides the model's tool calls under <see cref="GuardrailPolicy.Tools"/>, with this engine's input rails for arguments and results.</summary>
    public ToolGuard Tools { get; }

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
        if (tooLong is { Action: RailAction.Block, Mode: RailMode.Enforce })
        {
            // Do not spend time normalizing text that is refused anyway.
            return new GuardrailVerdict(RailAction.Block, Policy.Version, [tooLong], RefusalMessage);
        }

        var context = Run(text, stage, request);
        IReadOnlyList<RailFinding> findings = context.Findings;
        var action = context.Action;
        if (tooLong is not null)
        {
            findings = [tooLong, .. findings];
            action = tooLong.Mode == RailMode.Enforce && tooLong.Action > action ? tooLong.Action : action;
        }

        var result = action switch
        {
            RailAction.Block => RefusalMessage,
            RailAction.Redact => RedactionEdit.Apply(text, context.Edits),
            _ => text,
        };

        return new GuardrailVerdict(action, Policy.Version, findings, result);
    }

    /// <summary>
    /// Runs the output rails on one segment of a stream and returns the raw findings and redaction edits, so the
    /// caller can apply only the edits that fall in the part of the segment it has not released yet.
    /// </summary>
    internal (RailAction Action, IReadOnlyList<RailFinding> Findings, IReadOnlyList<RedactionEdit> Edits) EvaluateOutputSegment(
        string text,
        GuardrailRequest? request,
        int seam = 0)
    {
        var context = Run(text, RailStage.Output, request, seam);
        return (context.Action, context.Findings, context.Edits);
    }

    private RailContext Run(string text, RailStage stage, GuardrailRequest? request, int seam = 0)
    {
        var context = new RailContext(TextNormalizer.Normalize(text), stage, request) { SeamLength = seam };

        // Two clock reads per rail add up over the many segments of a stream; skip them when no one listens.
        var timed = GuardrailsTelemetry.RecordsRailDurations;
        foreach (var slot in stage == RailStage.Input ? _inputRails : _outputRails)
        {
            context.Mode = slot.Mode;
            var started = timed ? Stopwatch.GetTimestamp() : 0;
            slot.Rail.Evaluate(context);
            if (timed)
            {
                GuardrailsTelemetry.RecordRailDuration(slot.Name, stage, Stopwatch.GetElapsedTime(started));
            }
        }

        return context;
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
            InputLengthRail,
            RailStage.Input,
            settings.Action,
            "input-too-long",
            1.0,
            [new EvidenceSpan(settings.MaxCharacters, text.Length - settings.MaxCharacters)])
        {
            Mode = settings.Mode,
        };
    }

    /// <summary>A rail with the name its findings and metrics carry and the mode the policy gives it.</summary>
    private sealed record RailSlot(string Name, IRail Rail, RailMode Mode);
}
