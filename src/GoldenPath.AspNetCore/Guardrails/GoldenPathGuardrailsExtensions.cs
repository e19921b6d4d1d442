using GoldenPath.Guardrails;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Guardrails;

public static class GoldenPathGuardrailsExtensions
{
    public const string SectionName = "GoldenPath:Guardrails";

    /// <summary>
    /// One <see cref="GuardrailEngine"/> per process, built from the embedded policy or the file named by
    /// <c>GoldenPath:Guardrails:PolicyPath</c>. A broken policy file stops startup with its file and line:
    /// running without the intended rails would be worse than not running.
    /// </summary>
    public static TBuilder AddGoldenPathGuardrails<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<GuardrailOptions>().BindConfiguration(SectionName);
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<GuardrailOptions>>().Value;
            var policy = string.IsNullOrWhiteSpace(options.PolicyPath) ? GuardrailPolicy.Default : GuardrailPolicy.Load(options.PolicyPath);
            return new GuardrailEngine(policy, options);
        });
        return builder;
    }
}
