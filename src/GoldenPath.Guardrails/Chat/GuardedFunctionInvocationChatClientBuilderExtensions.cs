using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldenPath.Guardrails;

public static class GuardedFunctionInvocationChatClientBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="FunctionInvokingChatClient"/> whose every function call is decided by the tool rail of the
    /// policy: unknown tools, tools the caller's roles may not use, arguments that break the tool's schema or trip
    /// an input rail, and calls past the per-turn limit are denied; tools that require approval are held in
    /// <paramref name="approvals"/>; results are scanned for injected instructions before the model reads them.
    /// </summary>
    /// <remarks>
    /// The caller's roles come from the <see cref="GuardrailRequest"/> in
    /// <c>ChatOptions.AdditionalProperties[GuardrailRequest.PropertyName]</c>; without one the caller has no roles
    /// and every call is denied.
    /// </remarks>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="engine">
    /// A fixed engine. When null, the <see cref="IServiceProvider"/> given to <see cref="ChatClientBuilder.Build(IServiceProvider?)"/>
    /// supplies a <see cref="GuardrailPolicyStore"/> (read once per call) or, failing that, a <see cref="GuardrailEngine"/>.
    /// </param>
    /// <param name="approvals">Where held calls go; when null, a registered <see cref="IToolApprovalQueue"/>. Without one, held calls are denied.</param>
    /// <param name="configure">Configures the function-invoking client (iterations, concurrency, its own invoker, which runs allowed calls).</param>
    public static ChatClientBuilder UseGuardedFunctionInvocation(
        this ChatClientBuilder builder,
        GuardrailEngine? engine = null,
        IToolApprovalQueue? approvals = null,
        Action<FunctionInvokingChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((innerClient, services) => Create(innerClient, services, EngineSource(engine, services), approvals, configure));
    }

    /// <summary>Like <see cref="UseGuardedFunctionInvocation(ChatClientBuilder, GuardrailEngine?, IToolApprovalQueue?, Action{FunctionInvokingChatClient}?)"/>, following the active version of <paramref name="store"/>.</summary>
    public static ChatClientBuilder UseGuardedFunctionInvocation(
        this ChatClientBuilder builder,
        GuardrailPolicyStore store,
        IToolApprovalQueue? approvals = null,
        Action<FunctionInvokingChatClient>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        return builder.Use((innerClient, services) => Create(innerClient, services, () => store.Current, approvals, configure));
    }

    private static ToolTurnChatClient Create(
        IChatClient innerClient,
        IServiceProvider services,
        Func<GuardrailEngine> engine,
        IToolApprovalQueue? approvals,
        Action<FunctionInvokingChatClient>? configure)
    {
        var invoking = new FunctionInvokingChatClient(innerClient, services.GetService<ILoggerFactory>(), services);
        configure?.Invoke(invoking);
        var invoker = new GuardedFunctionInvoker(approvals ?? services.GetService<IToolApprovalQueue>(), invoking.FunctionInvoker);
        invoking.FunctionInvoker = invoker.InvokeAsync;
        return new ToolTurnChatClient(invoking, engine);
    }

    private static Func<GuardrailEngine> EngineSource(GuardrailEngine? engine, IServiceProvider services)
    {
        if (engine is not null)
        {
            return () => engine;
        }

        if (services.GetService<GuardrailPolicyStore>() is { } store)
        {
            return () => store.Current;
        }

        var registered = services.GetService<GuardrailEngine>()
            ?? throw new InvalidOperationException(
                $"Neither a {nameof(GuardrailPolicyStore)} nor a {nameof(GuardrailEngine)} is registered. Register one, or pass an engine to {nameof(UseGuardedFunctionInvocation)}.");
        return () => registered;
    }
}
