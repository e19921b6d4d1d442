using GoldenPath.AspNetCore.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GoldenPath.AspNetCore.Fast;

public static class FastHookExtensions
{
    /// <summary>The route prefix of the hook.</summary>
    public const string Prefix = "/fast";

    /// <summary>The authorization policy (and the role it requires) for the hook: an authenticated caller with role <c>fast-operator</c>.</summary>
    public const string OperatorPolicy = "fast-operator";

    /// <summary>
    /// Registers <see cref="PlantedCanaries"/> (always; empty unless the hook plants), <see cref="FastHookOptions"/> from
    /// <c>GoldenPath:Fast:Hooks</c>, validated at startup so the hook enabled outside Development or Testing stops the
    /// host, and the <see cref="OperatorPolicy"/> policy.
    /// </summary>
    public static TBuilder AddGoldenPathFastHooks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<PlantedCanaries>();
        services.AddSingleton<IValidateOptions<FastHookOptions>, FastHookOptionsValidator>();
        services.AddOptions<FastHookOptions>().BindConfiguration(FastHookOptions.SectionName).ValidateOnStart();
        services.AddAuthorizationBuilder().AddPolicy(OperatorPolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => IsOperator(context)));
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /fast/plant</c> and <c>DELETE /fast/plant</c> when <see cref="FastHookOptions.Enabled"/> is set, and
    /// nothing otherwise (the routes answer 404). Both require <see cref="OperatorPolicy"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The hook's services are not registered.</exception>
    public static IEndpointRouteBuilder MapFastHooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(PlantedCanaries)) != true)
        {
            throw new InvalidOperationException(
                $"{nameof(MapFastHooks)} needs the hook's services. Call builder.AddGoldenPathDefaults() or builder.AddGoldenPathFastHooks() before building the app.");
        }

        // Reading the options validates them: an enabled hook outside Development or Testing fails here, before any route exists.
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<FastHookOptions>>().Value.Enabled)
        {
            return endpoints;
        }

        var group = endpoints.MapGroup(Prefix)
            .RequireAuthorization(OperatorPolicy)
            .WithTags("FAST hooks")
            .ExcludeFromDescription();
        FastHookEndpoints.Map(group);
        return endpoints;
    }

    // Roles come from the configured role claims, read per request so configuration layered on later counts.
    private static bool IsOperator(AuthorizationHandlerContext context)
    {
        if (context.Resource is not HttpContext http)
        {
            return false;
        }

        var claims = http.RequestServices.GetRequiredService<IOptions<PrincipalClaimOptions>>().Value;
        return context.User.ToPrincipalSet(claims).Contains("role:" + OperatorPolicy);
    }
}
