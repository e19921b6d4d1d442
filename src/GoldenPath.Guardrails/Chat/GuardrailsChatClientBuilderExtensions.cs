using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails;

public static class GuardrailsChatClientBuilderExtensions
{
    /// <summary>Adds <see cref="GuardrailsChatClient"/> to the pipeline.</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="engine">
    /// A fixed engine to use. When null, the <see cref="IServiceProvider"/> given to
    /// <see cref="ChatClientBuilder.Build(IServiceProvider?)"/> supplies a <see cref="GuardrailPolicyStore"/>, whose
    /// activations and rollbacks the client follows; failing that, a registered <see cref="GuardrailEngine"/>.
    /// </param>
    public static ChatClientBuilder UseGuardrails(this ChatClientBuilder builder, GuardrailEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        return builder.Use((innerClient, services) =>
        {
            if (engine is not null)
            {
                return new GuardrailsChatClient(innerClient, engine);
            }

            if (services.GetService(typeof(GuardrailPolicyStore)) is GuardrailPolicyStore store)
            {
                return new GuardrailsChatClient(innerClient, store);
            }

            var registered = services.GetService(typeof(GuardrailEngine)) as GuardrailEngine
                ?? throw new InvalidOperationException(
                    $"Neither a {nameof(GuardrailPolicyStore)} nor a {nameof(GuardrailEngine)} is registered. Register the store " +
                    $"(for example services.AddSingleton(new GuardrailPolicyStore(options))) or pass an engine to {nameof(UseGuardrails)}.");
            return new GuardrailsChatClient(innerClient, registered);
        });
    }

    /// <summary>Adds <see cref="GuardrailsChatClient"/> guarded by the active version of <paramref name="store"/>.</summary>
    public static ChatClientBuilder UseGuardrails(this ChatClientBuilder builder, GuardrailPolicyStore store)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);

        return builder.Use(innerClient => new GuardrailsChatClient(innerClient, store));
    }
}
