using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace GoldenPath.Guardrails.SemanticKernel;

public static class GuardrailsKernelBuilderExtensions
{
    /// <summary>
    /// Registers the three guardrail filters: <see cref="InputRailsPromptRenderFilter"/>,
    /// <see cref="ToolLimitAutoFunctionInvocationFilter"/> and <see cref="ToolGuardFunctionInvocationFilter"/>.
    /// </summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="engine">
    /// A fixed engine. When null, the kernel's services supply a <see cref="GuardrailPolicyStore"/> (whose active version
    /// is followed) or, failing that, a <see cref="GuardrailEngine"/>.
    /// </param>
    /// <param name="approvals">Where calls that need approval wait; when null, a registered <see cref="IToolApprovalQueue"/>. Without one they are denied.</param>
    public static IKernelBuilder AddGoldenPathKernelGuardrails(this IKernelBuilder builder, GuardrailEngine? engine = null, IToolApprovalQueue? approvals = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGoldenPathKernelGuardrails(engine, approvals);
        return builder;
    }

    /// <inheritdoc cref="AddGoldenPathKernelGuardrails(IKernelBuilder, GuardrailEngine?, IToolApprovalQueue?)"/>
    public static IServiceCollection AddGoldenPathKernelGuardrails(this IServiceCollection services, GuardrailEngine? engine = null, IToolApprovalQueue? approvals = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddSingleton<IPromptRenderFilter>(sp => Resolve(sp, engine, e => new InputRailsPromptRenderFilter(e), s => new InputRailsPromptRenderFilter(s)));
        services.AddSingleton<IAutoFunctionInvocationFilter>(sp => Resolve(sp, engine, e => new ToolLimitAutoFunctionInvocationFilter(e), s => new ToolLimitAutoFunctionInvocationFilter(s)));
        services.AddSingleton<IFunctionInvocationFilter>(sp => new ToolGuardFunctionInvocationFilter(approvals ?? sp.GetService<IToolApprovalQueue>()));
        return services;
    }

    private static T Resolve<T>(IServiceProvider services, GuardrailEngine? engine, Func<GuardrailEngine, T> fromEngine, Func<GuardrailPolicyStore, T> fromStore)
    {
        if (engine is not null)
        {
            return fromEngine(engine);
        }

        if (services.GetService<GuardrailPolicyStore>() is { } store)
        {
            return fromStore(store);
        }

        return fromEngine(services.GetService<GuardrailEngine>()
            ?? throw new InvalidOperationException(
                $"Neither a {nameof(GuardrailPolicyStore)} nor a {nameof(GuardrailEngine)} is registered. Register one, or pass an engine to {nameof(AddGoldenPathKernelGuardrails)}."));
    }
}
