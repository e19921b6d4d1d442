using Microsoft.SemanticKernel;

namespace GoldenPath.Guardrails.SemanticKernel;

/// <summary>Where the filters find the caller: <c>Kernel.Data[GuardrailRequest.PropertyName]</c>.</summary>
public static class KernelGuardrailContext
{
    /// <summary>Attaches the caller to a kernel. Kernels are cheap: clone one per request and set its caller.</summary>
    public static Kernel WithGuardrailRequest(this Kernel kernel, GuardrailRequest request)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(request);
        kernel.Data[GuardrailRequest.PropertyName] = request;
        return kernel;
    }

    /// <summary>The caller attached to the kernel; without one the caller has no roles and every tool is denied.</summary>
    public static GuardrailRequest GetGuardrailRequest(this Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return kernel.Data.TryGetValue(GuardrailRequest.PropertyName, out var value) && value is GuardrailRequest request
            ? request
            : GuardrailRequest.Empty;
    }

    /// <summary>The name the tool rail knows a kernel function by: <c>plugin-function</c>, or the bare name outside a plugin.</summary>
    public static string ToolName(KernelFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return string.IsNullOrEmpty(function.PluginName) ? function.Name : $"{function.PluginName}-{function.Name}";
    }
}
