namespace GoldenPath.Guardrails.Tests;

/// <summary>The smallest service provider that can hand a registered instance to the pipeline builder.</summary>
internal sealed class ServiceMap : Dictionary<Type, object>, IServiceProvider
{
    public object? GetService(Type serviceType) => TryGetValue(serviceType, out var service) ? service : null;
}
