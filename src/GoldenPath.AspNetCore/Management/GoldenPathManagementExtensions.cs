using GoldenPath.AspNetCore.Identity;
using GoldenPath.Guardrails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GoldenPath.AspNetCore.Management;

public static class GoldenPathManagementExtensions
{
    /// <summary>The route prefix of every management endpoint.</summary>
    public const string GuardrailsPrefix = "/admin/guardrails";

    /// <summary>
    /// Maps the management API: guardrail policy versions, activation and rollback under
    /// <see cref="GuardrailsPrefix"/>. Every endpoint requires <see cref="GoldenPathAuthorizationExtensions.AdminPolicy"/>
    /// and every change is audited.
    /// </summary>
    /// <exception cref="InvalidOperationException">The guardrail policy store is not registered.</exception>
    public static IEndpointRouteBuilder MapGoldenPathManagement(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Fail at startup, not on the first admin request.
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(GuardrailPolicyStore)) != true)
        {
            throw new InvalidOperationException(
                $"{nameof(MapGoldenPathManagement)} needs a {nameof(GuardrailPolicyStore)}. Call builder.AddGoldenPathDefaults() " +
                "or builder.AddGoldenPathGuardrails() before building the app.");
        }

        var group = endpoints.MapGroup(GuardrailsPrefix)
            .RequireAuthorization(GoldenPathAuthorizationExtensions.AdminPolicy)
            .WithTags("Guardrails management");
        GuardrailPolicyEndpoints.Map(group);
        return endpoints;
    }
}
