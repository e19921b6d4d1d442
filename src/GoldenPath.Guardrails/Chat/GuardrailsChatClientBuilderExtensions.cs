using Microsoft.Extensions.AI;

namespace GoldenPath.Guardrails;

public static class GuardrailsChatClientBuilderExtensions
{
    /// <summary>Adds <see cref="GuardrailsChatClient"/> to the pipeline.</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="engine">
    /// The engine to use. When null it is resolved from the <see cref="IServiceProvider"/> given to
    /// <see cref="ChatClientBuilder.Build(IServiceProvider?)"/>, so one engine (and its compiled policy) is shared.
    /// </param>
    public static ChatClientBuilder UseGoldenPathGuardrails(this ChatClientBuilder builder, GuardrailEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        return builder.Use((innerClient, services) =>
        {
            var resolved = engine
                ?? services.GetService(typeof(GuardrailEngine)) as GuardrailEngine
                ?? throw new InvalidOperationException(
                    $"No {nameof(GuardrailEngine)} is registered. Register one (for example " +
                    $"services.AddSingleton(GuardrailEngine.Create(options))) or pass it to {nameof(UseGoldenPathGuardrails)}.");
            return new GuardrailsChatClient(innerClient, resolved);
        });
    }
}
